package dev.mops.flow.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.Record;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One {@link Program} shared by several threads gives each the answers it gives one thread. */
class ProgramConcurrencyTest {

  @Test
  void sharedProgramAnswersAlikeFromManyThreads() throws Exception {
    Program p = SimulatorLawsTest.PROGRAMS.get(3);
    Random rnd = new Random(Long.getLong("mops.seed", 20261202L));
    List<Record> leads = new ArrayList<>();
    List<List<Record>> events = new ArrayList<>();
    List<Instant> nows = new ArrayList<>();
    List<LeadProgramState> expected = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      leads.add(SimulatorLawsTest.lead(rnd));
      events.add(SimulatorLawsTest.events(rnd));
      nows.add(SimulatorLawsTest.asOf(rnd));
      expected.add(p.simulate("L" + i, leads.get(i), events.get(i), nows.get(i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<LeadProgramState>>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 97;
        futures.add(pool.submit(() -> {
          List<LeadProgramState> out = new ArrayList<>();
          for (int k = 0; k < leads.size(); k++) {
            int i = (k + offset) % leads.size();
            out.add(p.simulate("L" + i, leads.get(i), events.get(i), nows.get(i)));
          }
          return out;
        }));
      }
      for (int t = 0; t < 4; t++) {
        List<LeadProgramState> got = futures.get(t).get(60, TimeUnit.SECONDS);
        for (int k = 0; k < got.size(); k++) {
          assertThat(got.get(k)).isEqualTo(expected.get((k + t * 97) % leads.size()));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

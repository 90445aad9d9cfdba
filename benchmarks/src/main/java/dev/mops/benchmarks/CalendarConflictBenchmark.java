package dev.mops.benchmarks;

import dev.mops.core.Severity;
import dev.mops.planning.calendar.CalendarReport;
import dev.mops.planning.calendar.CalendarRules;
import dev.mops.planning.calendar.Campaign;
import dev.mops.planning.calendar.CampaignCalendar;
import dev.mops.planning.calendar.Conflict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Audience-overlap detection on a campaign calendar: mops-planning's sweep over campaigns sorted by
 * start ({@code CampaignCalendar}, overlaps only, holidays off) beside the all-pairs comparison a
 * spreadsheet macro or a first script does ({@code allPairs}, the baseline). Setup checks that both
 * find the same pairs.
 *
 * <p>Calendar: {@code n} campaigns over one year, 1 to 14 days long, in 5 channels, to 200
 * audiences (seed 17).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CalendarConflictBenchmark {

  @Param({"1000", "10000"})
  public int n;

  private List<Campaign> campaigns;
  private CampaignCalendar calendar;

  @Setup
  public void setUp() {
    Random rnd = new Random(17);
    String[] channels = {"email", "sms", "paid_social", "webinar", "direct_mail"};
    campaigns = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      LocalDate start = LocalDate.of(2026, 1, 1).plusDays(rnd.nextInt(365));
      campaigns.add(new Campaign("c" + i, "", "segment_" + rnd.nextInt(200), channels[rnd.nextInt(channels.length)],
          "", start, start.plusDays(rnd.nextInt(14)), ""));
    }
    calendar = CampaignCalendar.of(CalendarRules.builder().holidays(CalendarRules.HolidayCheck.OFF, Severity.INFO).build());
    Set<Set<String>> sweep = new HashSet<>();
    for (Conflict c : sweep().conflicts()) {
      sweep.add(Set.copyOf(c.campaignIds()));
    }
    Set<Set<String>> pairs = new HashSet<>();
    for (int[] p : allPairsList()) {
      pairs.add(Set.of(campaigns.get(p[0]).id(), campaigns.get(p[1]).id()));
    }
    if (!sweep.equals(pairs)) {
      throw new IllegalStateException("sweep and all pairs disagree: " + sweep.size() + " vs " + pairs.size());
    }
  }

  @Benchmark
  public CalendarReport sweep() {
    return calendar.checkCampaigns(campaigns);
  }

  @Benchmark
  public int allPairs() {
    return allPairsList().size();
  }

  private List<int[]> allPairsList() {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < campaigns.size(); i++) {
      Campaign a = campaigns.get(i);
      for (int j = i + 1; j < campaigns.size(); j++) {
        Campaign b = campaigns.get(j);
        if (a.channel().equals(b.channel()) && a.audience().equals(b.audience()) && a.runsDuring(b.start(), b.end())) {
          out.add(new int[] {i, j});
        }
      }
    }
    return out;
  }
}

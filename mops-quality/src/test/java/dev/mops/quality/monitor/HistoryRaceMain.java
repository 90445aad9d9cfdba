package dev.mops.quality.monitor;

import dev.mops.core.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A separate process for {@link MonitorHistoryConcurrencyTest}: appends runs to a shared history. */
public final class HistoryRaceMain {

  private HistoryRaceMain() {}

  /** Arguments: history file, monitor file, runs, first second offset, step. */
  public static void main(String[] args) throws Exception {
    Path history = Path.of(args[0]);
    Monitor m = Monitor.from(ConfigLoader.standard().loadString("race.yaml", Files.readString(Path.of(args[1]))), null);
    int runs = Integer.parseInt(args[2]);
    int offset = Integer.parseInt(args[3]);
    int step = Integer.parseInt(args[4]);
    for (int i = 0; i < runs; i++) {
      Map<String, Double> v = new HashMap<>();
      v.put("rows", (double) (offset + i * step));
      Instant at = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofSeconds(offset + (long) i * step));
      MonitorHistory.at(history).record(m,
          new MonitorSnapshot(m.name(), m.version(), m.contentHash(), m.dataset(), at, 1, v, List.of()), List.of());
    }
  }
}

package dev.mops.benchmarks;

import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.identity.dedupe.RecordRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Locates and loads the data the dedupe benchmarks run on: the labelled files of
 * the repository's {@code data} folder (the repository is found by walking up from the working
 * directory to the folder holding {@code examples/dedupe}), the shipped FEBRL config,
 * and the synthetic-leads config.
 *
 * <p>Thread safety: stateless.
 */
public final class BenchmarkData {

  private BenchmarkData() {}

  /** Returns the first {@code relative} path found in the working directory or above it. */
  public static Path findUp(String relative) {
    Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (d != null) {
      Path c = d.resolve(relative);
      if (Files.exists(c)) {
        return c;
      }
      d = d.getParent();
    }
    throw new IllegalStateException("no " + relative + " in " + System.getProperty("user.dir") + " or above");
  }

  /** Returns the repository's {@code data} folder, where the labelled data sets are kept. */
  public static Path dataDir() {
    return findUp("examples/dedupe").getParent().getParent().resolve("data");
  }

  /** Reads a CSV of the repository's {@code data} folder. */
  public static List<Record> dataCsv(String file) {
    List<Record> out = new ArrayList<>();
    try (RecordReader r = RecordReader.open(dataDir().resolve(file))) {
      for (InputRecord x; (x = r.next()) != null; ) {
        out.add(x.record());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Returns the FEBRL truth: {@code rec-N-...} records share entity N. */
  public static Map<RecordRef, String> febrlTruth(List<Record> records) {
    Map<RecordRef, String> t = new HashMap<>();
    for (Record r : records) {
      String id = String.valueOf(r.get("rec_id")).strip();
      t.put(RecordRef.of(id), id.split("-", 0)[1]);
    }
    return t;
  }

  /** Loads {@code examples/dedupe/febrl.yaml}. */
  public static DedupeConfig febrlConfig() {
    return DedupeConfigs.load(findUp("examples/dedupe/febrl.yaml"));
  }
}

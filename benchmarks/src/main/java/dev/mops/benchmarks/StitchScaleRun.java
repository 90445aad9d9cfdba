package dev.mops.benchmarks;

import dev.mops.identity.stitch.Identifier;
import dev.mops.identity.stitch.IdentityGraph;
import dev.mops.identity.stitch.Observation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stitches N generated observations of three identifiers once, with the guarded graph (without
 * retained observations) and with a plain union-find, and prints wall time and the heap left in
 * use after a full collection: the 10-million figure of docs/benchmarks.md. Or, with {@code csv
 * FILE}, writes the same observations as the CSV input of {@code mops stitch}, for the CLI timing.
 *
 * <p>Usage: {@code java -Xmx6g -cp benchmarks.jar dev.mops.benchmarks.StitchScaleRun [n] [graph|union-find|both]}
 * or {@code ... StitchScaleRun n csv FILE}.
 *
 * <p>Thread safety: a program; not for concurrent use.
 */
public final class StitchScaleRun {

  private StitchScaleRun() {}

  /** Runs the measurement. */
  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    String what = args.length > 1 ? args[1] : "both";
    if (what.equals("csv")) {
      writeCsv(n, Path.of(args[2]));
      return;
    }
    if (what.equals("graph") || what.equals("both")) {
      long base = usedAfterGc();
      long c0 = cpu();
      long t0 = System.nanoTime();
      IdentityGraph g = IdentityGraph.builder(StitchWorkload.config()).retainObservations(false).build();
      String[] tv = new String[6];
      for (long i = 0; i < n; i++) {
        StitchWorkload.observation(i, n, tv);
        List<Identifier> ids = new ArrayList<>(3);
        for (int k = 0; k < 6; k += 2) {
          ids.add(new Identifier(tv[k], tv[k + 1]));
        }
        g.add(new Observation("o" + i, Instant.ofEpochMilli(StitchWorkload.timestamp(i)), "", ids));
      }
      long t1 = System.nanoTime();
      long c1 = cpu();
      long used = usedAfterGc() - base;
      out.printf(Locale.ROOT, "guarded graph: %,d observations in %.1f s wall, %.1f s CPU of this thread (%.2f us each);"
              + " %,d identifiers in %,d profiles; heap after GC %.2f GB (%.0f bytes per identifier)%n",
          n, (t1 - t0) / 1e9, (c1 - c0) / 1e9, (c1 - c0) / 1e3 / n, g.identifierCount(), g.profileCount(), used / 1e9,
          (double) used / g.identifierCount());
      out.println("  " + g.metrics());
      g = null;
    }
    if (what.equals("union-find") || what.equals("both")) {
      long base = usedAfterGc();
      long c0 = cpu();
      long t0 = System.nanoTime();
      StitchWorkload.PlainUnionFind u = new StitchWorkload.PlainUnionFind();
      String[] tv = new String[6];
      for (long i = 0; i < n; i++) {
        StitchWorkload.observation(i, n, tv);
        u.add(tv);
      }
      long t1 = System.nanoTime();
      long c1 = cpu();
      long used = usedAfterGc() - base;
      out.printf(Locale.ROOT, "plain union-find: %,d observations in %.1f s wall, %.1f s CPU of this thread (%.2f us"
              + " each); %,d identifiers in %,d components; heap after GC %.2f GB (%.0f bytes per identifier)%n",
          n, (t1 - t0) / 1e9, (c1 - c0) / 1e9, (c1 - c0) / 1e3 / n, u.identifiers(), u.profiles(), used / 1e9,
          (double) used / u.identifiers());
    }
    out.printf(Locale.ROOT, "processors %d, max heap %.1f GB, %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / 1e9, System.getProperty("java.vm.version"));
  }

  private static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static void writeCsv(long n, Path file) throws IOException {
    String[] tv = new String[6];
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("observation_id,timestamp,user_id,email,phone,anonymous_id\n");
      StringBuilder sb = new StringBuilder(128);
      for (long i = 0; i < n; i++) {
        StitchWorkload.observation(i, n, tv);
        sb.setLength(0);
        sb.append('o').append(i).append(',').append(Instant.ofEpochMilli(StitchWorkload.timestamp(i))).append(',');
        boolean user = tv[4].equals("user_id");
        sb.append(user ? tv[5] : "").append(',').append(tv[3]).append(',').append(user ? "" : tv[5]).append(',')
            .append(tv[1]).append('\n');
        w.write(sb.toString());
      }
    }
  }
}

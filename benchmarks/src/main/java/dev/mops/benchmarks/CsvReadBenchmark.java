package dev.mops.benchmarks;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time to read a 20,000-record UTF-8 contacts CSV (about 2.4 MB; ten columns, a quoted field with
 * a comma in one row of four, a quoted line break in one of fifty, some non-ASCII names) from bytes
 * in memory to records, with mops' {@code RecordReader} beside the reader as it was before
 * encodings and delimiter sniffing were added ({@link CsvReaderBefore}, the baseline) and Jackson's
 * CSV parser (jackson-dataformat-csv, each row as a {@code String[]}) as the peer.
 *
 * <p>Both sides decode the bytes and split every field; mops also builds a record per row. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar CsvReadBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class CsvReadBenchmark {

  private static final String[] FIRST = {"John", "Jürgen", "María", "Wei", "Aoife", "Søren", "Priya", "Olu"};
  private static final String[] LAST = {"Smith", "Müller", "García", "Zhang", "O'Brien", "Nørgaard", "Patel", "Adeyemi"};
  private static final String[] COMPANY = {"Acme Inc", "\"Müller GmbH, Berlin\"", "Globex", "\"Initech, LLC\""};

  private byte[] utf8;
  private final CsvMapper jackson = new CsvMapper();

  /** Builds the file, seeded so every run reads the same bytes. */
  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(21);
    StringBuilder sb = new StringBuilder(3_000_000);
    sb.append("id,first_name,last_name,email,phone,company,title,country,created_at,note\n");
    for (int i = 0; i < 20_000; i++) {
      String first = FIRST[r.nextInt(FIRST.length)];
      String last = LAST[r.nextInt(LAST.length)];
      sb.append(i).append(',').append(first).append(',').append(last).append(',')
          .append(first.toLowerCase(java.util.Locale.ROOT)).append('.').append(i).append("@example.com,")
          .append("+1 650 555 ").append(1000 + r.nextInt(9000)).append(',')
          .append(COMPANY[r.nextInt(COMPANY.length)]).append(',')
          .append("Director of Marketing Operations,")
          .append(r.nextBoolean() ? "US" : "Deutschland").append(',')
          .append("2026-01-").append(10 + r.nextInt(18)).append("T10:00:00Z,")
          .append(r.nextInt(50) == 0 ? "\"called twice,\nleft a voicemail\"" : "met at the booth")
          .append('\n');
    }
    utf8 = sb.toString().getBytes(StandardCharsets.UTF_8);
    // all three must read the same notes before anything is measured
    try {
      java.util.List<Object> now = new java.util.ArrayList<>();
      java.util.List<Object> before = new java.util.ArrayList<>();
      java.util.List<Object> peer = new java.util.ArrayList<>();
      try (RecordReader in = RecordReader.open("bench.csv", new ByteArrayInputStream(utf8), RecordReader.Format.CSV)) {
        for (InputRecord x; (x = in.next()) != null; ) {
          now.add(String.valueOf(x.record().get("note")));
        }
      }
      try (RecordReader in = new CsvReaderBefore("bench.csv", new java.io.InputStreamReader(new ByteArrayInputStream(utf8),
          StandardCharsets.UTF_8))) {
        for (InputRecord x; (x = in.next()) != null; ) {
          before.add(String.valueOf(x.record().get("note")));
        }
      }
      try (MappingIterator<String[]> it = jackson.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
          .readValues(new ByteArrayInputStream(utf8))) {
        it.next();
        while (it.hasNext()) {
          String[] row = it.next();
          peer.add(row[row.length - 1]);
        }
      }
      if (now.size() != 20_000 || !now.equals(before) || !now.equals(peer)) {
        throw new IllegalStateException("the readers disagree: " + now.size() + " / " + before.size() + " / " + peer.size());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** mops: decode, split and build a record per row. */
  @Benchmark
  public long mopsRecordReader(Blackhole bh) throws IOException {
    long n = 0;
    try (RecordReader in = RecordReader.open("bench.csv", new ByteArrayInputStream(utf8), RecordReader.Format.CSV)) {
      for (InputRecord x; (x = in.next()) != null; ) {
        Record rec = x.record();
        bh.consume(rec.get("note"));
        n++;
      }
    }
    return n;
  }

  /** The baseline: the reader as it was before this change, through a replacing UTF-8 decoder as then. */
  @Benchmark
  public long mopsReaderBefore(Blackhole bh) throws IOException {
    long n = 0;
    java.io.Reader chars = new java.io.InputStreamReader(new ByteArrayInputStream(utf8),
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE));
    try (RecordReader in = new CsvReaderBefore("bench.csv", chars)) {
      for (InputRecord x; (x = in.next()) != null; ) {
        Record rec = x.record();
        bh.consume(rec.get("note"));
        n++;
      }
    }
    return n;
  }

  /** The peer: Jackson's CSV parser, each row as an array of strings. */
  @Benchmark
  public long jacksonCsv(Blackhole bh) throws IOException {
    long n = 0;
    try (MappingIterator<String[]> it = jackson.readerFor(String[].class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY)
        .readValues(new ByteArrayInputStream(utf8))) {
      while (it.hasNext()) {
        String[] row = it.next();
        bh.consume(row[row.length - 1]);
        n++;
      }
    }
    return n;
  }
}

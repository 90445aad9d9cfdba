package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import dev.mops.core.time.BusinessCalendar;
import dev.mops.planning.RecordOutcome;
import dev.mops.planning.WorkingCalendar;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The file handling the planning commands share: whole (small) inputs read into memory with their
 * read findings, the working calendar from {@code --calendar} and {@code --region-calendar}, the
 * {@code --as-of} day, and the printing of record findings.
 *
 * <p>Thread safety: stateless.
 */
final class PlanningFiles {

  /** The most records a planning input may hold (planning files are calendars and budgets, not event logs). */
  static final int MAX_RECORDS = 1_000_000;

  private PlanningFiles() {}

  /** Records read from one input, with the findings reading produced, by record number. */
  record Loaded(String name, List<Record> records, Map<Long, List<Finding>> readFindings, List<String> fields) {}

  /** Reads every record of {@code in}, refusing more than {@link #MAX_RECORDS}. */
  static Loaded readAll(String name, RecordReader in) throws IOException {
    return readAll(name, in, null);
  }

  /** Reads every record of {@code in}, updating {@code progress} (when not null) and closing it at the end. */
  static Loaded readAll(String name, RecordReader in, @Nullable Progress progress) throws IOException {
    List<Record> records = new ArrayList<>();
    Map<Long, List<Finding>> findings = new LinkedHashMap<>();
    for (InputRecord r; (r = in.next()) != null; ) {
      if (records.size() >= MAX_RECORDS) {
        throw new UsageException(name + " has more than " + MAX_RECORDS + " records, the limit of planning inputs");
      }
      records.add(r.record());
      if (progress != null) {
        progress.update(records.size());
      }
      if (!r.findings().isEmpty()) {
        findings.put(r.number(), r.findings());
      }
    }
    if (progress != null) {
      progress.done();
    }
    return new Loaded(name, records, findings, in.fields());
  }

  /** Opens and reads a secondary input file (CSV, or JSON Lines by its name). */
  static Loaded readFile(String option, Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UsageException(option + ": file not found: " + file);
    }
    try (RecordReader in = RecordReader.open(file)) {
      return readAll(file.toString(), in);
    }
  }

  /** Throws a usage error naming the columns {@code loaded} lacks among {@code required}. */
  static void requireColumns(Loaded loaded, String... required) {
    List<String> missing = new ArrayList<>();
    for (String c : required) {
      if (!loaded.fields().contains(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty() && !loaded.records().isEmpty()) {
      throw new UsageException(loaded.name() + " has no column " + String.join(", ", missing)
          + " (columns: " + loaded.fields() + ")");
    }
  }

  /**
   * Returns the working calendar: {@code calendar} (a business-calendar YAML) for every region
   * without its own, {@code regionCalendars} ({@code REGION=FILE}) per region; Monday to Friday
   * without holidays when neither is given.
   */
  static WorkingCalendar workingCalendar(@Nullable Path calendar, Map<String, Path> regionCalendars) {
    if (calendar == null && regionCalendars.isEmpty()) {
      return WorkingCalendar.weekdays();
    }
    Map<String, BusinessCalendar> byRegion = new LinkedHashMap<>();
    regionCalendars.forEach((region, file) -> byRegion.put(region, BusinessCalendar.load(file)));
    BusinessCalendar fallback = calendar != null ? BusinessCalendar.load(calendar)
        : BusinessCalendar.builder(ZoneOffset.UTC).weekdays("09:00-17:00").name("weekdays").build();
    return WorkingCalendar.of(fallback, byRegion);
  }

  /** Prints the findings of one record ({@code name:record N: severity CODE field 'raw': message}), at most {@code budget[0]}. */
  static void print(PrintWriter err, String name, long number, List<Finding> findings, int[] budget) {
    for (Finding f : findings) {
      if (budget[0] <= 0) {
        if (budget[0] == 0) {
          err.println("  ... more findings not shown");
          budget[0] = -1;
        }
        return;
      }
      budget[0]--;
      err.printf(Locale.ROOT, "%s: record %d: %s %s%s: %s%n", name, number, f.severity().label(), f.code(),
          f.field().isEmpty() ? "" : " " + f.field(), f.message());
    }
  }

  /** Prints and counts the findings of outcomes. */
  static void report(PrintWriter err, String name, List<RecordOutcome> outcomes, FailOnOption failOn, int[] budget) {
    for (RecordOutcome o : outcomes) {
      failOn.countAll(o.findings());
      print(err, name, o.number(), o.findings(), budget);
    }
  }

  /** Returns a number with at most two decimals, no exponent. */
  static String num(double v) {
    if (Double.isInfinite(v)) {
      return "inf";
    }
    return java.math.BigDecimal.valueOf(Math.round(v * 100) / 100.0).stripTrailingZeros().toPlainString();
  }
}

package dev.mops.identity.dedupe;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file of pairs a person has labelled as match or not, read into {@link LabelledPair}s for
 * {@link Deduplicator#trainFromLabels}. Two CSV layouts are read, told apart by their header:
 *
 * <ul>
 *   <li>{@link Format#MATCH_COLUMN}: {@code id_a,id_b,match}, where {@code match} is {@code 1}/{@code
 *       0}, {@code true}/{@code false}, {@code yes}/{@code no} or {@code match}/{@code non-match}
 *       (any case);
 *   <li>{@link Format#SPLINK_CLERICAL}: Splink's clerical labels, {@code
 *       unique_id_l,unique_id_r,clerical_match_score}, where a score in [0, 1] of at least 0.5 is a
 *       match. With several sources, its {@code source_dataset_l}/{@code source_dataset_r} columns
 *       (when present) name each id's source, and the ids become {@code source:id}.
 * </ul>
 *
 * <p>Other columns are ignored. A row whose ids are blank or whose match value cannot be read is
 * skipped with a {@code LABEL_UNREADABLE} warning naming its line; malformed CSV lines become the
 * reader's findings. Both are in {@link #findings()}, so every row is accounted for. A header with
 * neither layout is an error.
 *
 * <pre>{@code
 * LabelFile labels = LabelFile.read(Path.of("labels.csv"));
 * LabelTraining t = Deduplicator.of(config).trainFromLabels(records, "id", labels.pairs());
 * }</pre>
 *
 * <p>Thread safety: an immutable value, safe to share.
 */
public final class LabelFile {

  /** The layouts of a labels file. */
  public enum Format {
    /** {@code id_a,id_b,match}. */
    MATCH_COLUMN("id_a", "id_b", "match"),
    /** Splink's {@code unique_id_l,unique_id_r,clerical_match_score}. */
    SPLINK_CLERICAL("unique_id_l", "unique_id_r", "clerical_match_score");

    private final String idA;
    private final String idB;
    private final String match;

    Format(String idA, String idB, String match) {
      this.idA = idA;
      this.idB = idB;
      this.match = match;
    }

    /** Returns the columns that identify this layout, in order. */
    public List<String> columns() {
      return List.of(idA, idB, match);
    }
  }

  private final String source;
  private final Format format;
  private final List<LabelledPair> pairs;
  private final List<Finding> findings;
  private final long rows;

  private LabelFile(String source, Format format, List<LabelledPair> pairs, List<Finding> findings, long rows) {
    this.source = source;
    this.format = format;
    this.pairs = List.copyOf(pairs);
    this.findings = List.copyOf(findings);
    this.rows = rows;
  }

  /**
   * Reads a labels file whose ids are those of one source.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when its header has neither layout
   */
  public static LabelFile read(Path file) throws IOException {
    return read(file, List.of());
  }

  /**
   * Reads a labels file for linking {@code sourceNames} (the names of the {@link DedupeSource}s):
   * a Splink file's {@code source_dataset_l}/{@code _r} values that name a source (exactly, or
   * without its extension: {@code crm} for {@code crm.csv}) make its ids {@code source:id}. With no
   * source names, ids are read as they are.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when its header has neither layout
   */
  public static LabelFile read(Path file, Collection<String> sourceNames) throws IOException {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in, sourceNames);
    }
  }

  /**
   * Reads a labels file from a stream (UTF-8 CSV, left open), as {@link #read(Path, Collection)}.
   *
   * @param source a name for the file, used in findings and errors
   * @throws IOException when the stream fails
   * @throws IllegalArgumentException when its header has neither layout
   */
  public static LabelFile read(String source, InputStream in, Collection<String> sourceNames) throws IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(in, "in");
    Map<String, String> datasets = new HashMap<>();
    for (String name : sourceNames) {
      datasets.put(name, name);
    }
    for (String name : sourceNames) {
      int dot = name.lastIndexOf('.');
      if (dot > 0) {
        datasets.putIfAbsent(name.substring(0, dot), name);
      }
    }
    List<LabelledPair> out = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    long rows = 0;
    RecordReader reader = RecordReader.open(source, new java.io.FilterInputStream(in) {
      @Override
      public void close() {
        // the caller's stream stays open
      }
    }, RecordReader.Format.CSV);
    try (reader) {
      List<String> header = reader.fields();
      Format format = null;
      for (Format f : Format.values()) {
        if (header.containsAll(f.columns())) {
          format = f;
          break;
        }
      }
      if (format == null) {
        throw new IllegalArgumentException(source + " has columns " + header + "; a labels file needs "
            + String.join(",", Format.MATCH_COLUMN.columns()) + " or " + String.join(",", Format.SPLINK_CLERICAL.columns()));
      }
      boolean score = format == Format.SPLINK_CLERICAL;
      boolean qualify = score && !sourceNames.isEmpty()
          && header.containsAll(List.of("source_dataset_l", "source_dataset_r"));
      for (InputRecord r; (r = reader.next()) != null; ) {
        rows++;
        findings.addAll(r.findings());
        Record rec = r.record();
        String where = source + " line " + r.line();
        String a = Values.asString(rec.get(format.idA));
        String b = Values.asString(rec.get(format.idB));
        String raw = Values.asString(rec.get(format.match));
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
          String column = a == null || a.isBlank() ? format.idA : format.idB;
          findings.add(Finding.warning("LABEL_UNREADABLE", column, null, where + ": no " + column + "; label skipped"));
          continue;
        }
        Boolean match = score ? parseClericalScore(raw) : parseMatch(raw);
        if (match == null) {
          findings.add(Finding.warning("LABEL_UNREADABLE", format.match, raw, where + ": " + format.match + " '" + raw
              + "' is not " + (score ? "a number in [0, 1]" : "1/0, true/false, yes/no or match/non-match")
              + "; label skipped"));
          continue;
        }
        if (qualify) {
          a = qualified(rec.get("source_dataset_l"), a, datasets);
          b = qualified(rec.get("source_dataset_r"), b, datasets);
        }
        out.add(new LabelledPair(a, b, match));
      }
      return new LabelFile(source, format, out, findings, rows);
    }
  }

  private static String qualified(@Nullable Object dataset, String id, Map<String, String> datasets) {
    String d = Values.asString(dataset);
    if (d == null || d.isBlank()) {
      return id;
    }
    return datasets.getOrDefault(d.strip(), d.strip()) + ":" + id.strip();
  }

  /**
   * Reads a match label: {@code 1}/{@code 0}, {@code true}/{@code false}, {@code yes}/{@code no},
   * {@code match}/{@code non-match} (also {@code nonmatch}, {@code non_match}), any case, or a
   * number equal to 1 or 0 ({@code 1.0}); null otherwise.
   */
  public static @Nullable Boolean parseMatch(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "1":
      case "true":
      case "yes":
      case "match":
        return Boolean.TRUE;
      case "0":
      case "false":
      case "no":
      case "non-match":
      case "nonmatch":
      case "non_match":
        return Boolean.FALSE;
      default:
        try {
          BigDecimal d = new BigDecimal(raw.strip());
          if (d.compareTo(BigDecimal.ONE) == 0) {
            return Boolean.TRUE;
          }
          return d.signum() == 0 ? Boolean.FALSE : null;
        } catch (NumberFormatException e) {
          return null;
        }
    }
  }

  /** Reads a clerical match score in [0, 1]: at least 0.5 is a match; null when not such a number. */
  public static @Nullable Boolean parseClericalScore(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(raw.strip());
      if (!(d >= 0 && d <= 1)) {
        return null;
      }
      return d >= 0.5;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Returns the name of the file, as findings name it. */
  public String source() {
    return source;
  }

  /** Returns the layout the header showed. */
  public Format format() {
    return format;
  }

  /** Returns the labelled pairs read, in file order. */
  public List<LabelledPair> pairs() {
    return pairs;
  }

  /** Returns the findings: rows skipped ({@code LABEL_UNREADABLE}) and malformed CSV lines. */
  public List<Finding> findings() {
    return findings;
  }

  /** Returns how many data rows the file has: the pairs read plus the rows skipped. */
  public long rows() {
    return rows;
  }

  /** Returns how many rows were skipped as unreadable. */
  public long unreadable() {
    return findings.stream().filter(f -> f.code().equals("LABEL_UNREADABLE")).count();
  }

  @Override
  public String toString() {
    return "LabelFile[" + source + ", " + format + ", " + pairs.size() + " pairs, " + unreadable() + " unreadable]";
  }
}

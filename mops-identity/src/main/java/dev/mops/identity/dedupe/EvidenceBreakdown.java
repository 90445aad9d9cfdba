package dev.mops.identity.dedupe;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A breakdown of the true pairs of an evaluation by the evidence their two records share: for
 * each set of agreeing fields, how many true pairs hold it, how many the clustering found, and how
 * many of the missed ones blocking never compared; and the same by evidence class, so that pairs
 * whose records share nothing but a name (which no careful analyst links) are told apart from the
 * pairs a model should find.
 *
 * <p>A field <em>agrees</em> when the run's comparator puts the pair on a level above {@code
 * different} (an exact value, a near spelling, a nickname, the same sound) that the run's model
 * takes as evidence for a match (m above u): {@code Summit Labs} and {@code Atlas Labs} share a
 * word, but a level that weak weighs against a match and does not count. A missing value does not
 * agree. Fields of kind {@link FieldKind#NAME} and {@link FieldKind#FIRST_NAME} are names;
 * {@link FieldKind#TEXT} and {@link FieldKind#NUMBER} fields (a city, a state, a job title) are
 * context, which many different people share; every other kind (an email, a phone, a company, an
 * address, a postcode, a domain, a date, an identifier) is identifying evidence. Built by {@link
 * DedupeEvaluation#evidence(DedupeResult)}.
 *
 * <p>Thread safety: an immutable value, safe to share.
 */
public final class EvidenceBreakdown {

  /** Which kind of evidence the two records of a true pair share, strongest first. */
  public enum EvidenceClass {
    /** An identifying field agrees: an email, phone, company, address, postcode, domain, date or identifier. */
    IDENTIFYING("identifying evidence (email, phone, company, address, ...)"),
    /** Only names and context fields (a city, a state) agree, and at least one context field does. */
    NAME_AND_CONTEXT("names and context only (city, state, ...)"),
    /** Only name fields agree. */
    NAME_ONLY("names only"),
    /** No compared field agrees. */
    NOTHING("nothing in common");

    private final String label;

    EvidenceClass(String label) {
      this.label = label;
    }

    /** Returns a short description for reports. */
    public String label() {
      return label;
    }
  }

  /**
   * The true pairs whose records agree on exactly one set of fields.
   *
   * @param agreeing the agreeing fields, in config order (empty when none agrees)
   * @param evidenceClass the class of that evidence
   * @param truePairs how many true pairs agree on exactly these fields
   * @param found how many of them the clustering put together
   * @param notCandidates how many of the missed ones blocking never made a candidate pair
   */
  public record Row(List<String> agreeing, EvidenceClass evidenceClass, long truePairs, long found,
      long notCandidates) {

    /** Copies the field list. */
    public Row {
      agreeing = List.copyOf(agreeing);
      Objects.requireNonNull(evidenceClass, "evidenceClass");
    }

    /** Returns how many of these true pairs were missed. */
    public long missed() {
      return truePairs - found;
    }

    /** Returns the share of these true pairs found (1 when there are none). */
    public double recall() {
      return truePairs == 0 ? 1.0 : (double) found / truePairs;
    }

    /** Returns the agreeing fields joined with {@code +}, or {@code (none)}. */
    public String label() {
      return agreeing.isEmpty() ? "(none)" : String.join(" + ", agreeing);
    }
  }

  /**
   * The true pairs of one evidence class.
   *
   * @param evidenceClass the class
   * @param truePairs how many true pairs are of this class
   * @param found how many of them the clustering put together
   * @param notCandidates how many of the missed ones blocking never made a candidate pair
   */
  public record ClassRow(EvidenceClass evidenceClass, long truePairs, long found, long notCandidates) {

    /** Checks the class. */
    public ClassRow {
      Objects.requireNonNull(evidenceClass, "evidenceClass");
    }

    /** Returns how many of these true pairs were missed. */
    public long missed() {
      return truePairs - found;
    }

    /** Returns the share of these true pairs found (1 when there are none). */
    public double recall() {
      return truePairs == 0 ? 1.0 : (double) found / truePairs;
    }
  }

  private final List<Row> rows;
  private final List<ClassRow> classes;
  private final long outsideRun;

  private EvidenceBreakdown(List<Row> rows, List<ClassRow> classes, long outsideRun) {
    this.rows = List.copyOf(rows);
    this.classes = List.copyOf(classes);
    this.outsideRun = outsideRun;
  }

  /** Counts true pairs, one call per pair, then {@link #build()}. */
  static final class Builder {
    private final DedupeResult result;
    private final List<String> fields;
    private final FieldKind[] kinds;
    private final Map<BitSet, long[]> bySignature = new HashMap<>();
    private long outsideRun;

    Builder(DedupeResult result) {
      this.result = result;
      DedupeConfig config = result.config();
      this.fields = new ArrayList<>();
      this.kinds = new FieldKind[config.fields().size()];
      for (int f = 0; f < kinds.length; f++) {
        fields.add(config.fields().get(f).field());
        kinds[f] = config.fields().get(f).kind();
      }
    }

    /** Counts one true pair; {@code found} when the clustering put its records together. */
    void add(RecordRef a, RecordRef b, boolean found) {
      int i = result.indexOrMinus(a);
      int j = result.indexOrMinus(b);
      if (i < 0 || j < 0) {
        outsideRun++;
        return;
      }
      BitSet signature = result.agreeing(i, j);
      long[] c = bySignature.computeIfAbsent(signature, s -> new long[3]);
      c[0]++;
      if (found) {
        c[1]++;
      } else if (!result.isCandidate(i, j)) {
        c[2]++;
      }
    }

    EvidenceBreakdown build() {
      List<Row> rows = new ArrayList<>();
      Map<EvidenceClass, long[]> byClass = new EnumMap<>(EvidenceClass.class);
      for (Map.Entry<BitSet, long[]> e : bySignature.entrySet()) {
        BitSet mask = e.getKey();
        List<String> agreeing = new ArrayList<>();
        boolean identifying = false;
        boolean context = false;
        for (int f = 0; f < kinds.length; f++) {
          if (mask.get(f)) {
            agreeing.add(fields.get(f));
            switch (kinds[f]) {
              case NAME:
              case FIRST_NAME:
                break;
              case TEXT:
              case NUMBER:
                context = true;
                break;
              default:
                identifying = true;
                break;
            }
          }
        }
        EvidenceClass cls = identifying ? EvidenceClass.IDENTIFYING : context ? EvidenceClass.NAME_AND_CONTEXT
            : agreeing.isEmpty() ? EvidenceClass.NOTHING : EvidenceClass.NAME_ONLY;
        long[] c = e.getValue();
        rows.add(new Row(agreeing, cls, c[0], c[1], c[2]));
        long[] k = byClass.computeIfAbsent(cls, x -> new long[3]);
        for (int x = 0; x < 3; x++) {
          k[x] += c[x];
        }
      }
      rows.sort((x, y) -> {
        int c = Long.compare(y.missed(), x.missed());
        c = c != 0 ? c : Long.compare(y.truePairs(), x.truePairs());
        return c != 0 ? c : x.label().compareTo(y.label());
      });
      List<ClassRow> classes = new ArrayList<>();
      for (EvidenceClass cls : EvidenceClass.values()) {
        long[] k = byClass.getOrDefault(cls, new long[3]);
        classes.add(new ClassRow(cls, k[0], k[1], k[2]));
      }
      return new EvidenceBreakdown(rows, classes, outsideRun);
    }
  }

  /** Returns one row per set of agreeing fields, the most missed pairs first. */
  public List<Row> rows() {
    return rows;
  }

  /** Returns one row per evidence class, in {@link EvidenceClass} order (classes without pairs included). */
  public List<ClassRow> classes() {
    return classes;
  }

  /** Returns the row of one evidence class. */
  public ClassRow of(EvidenceClass evidenceClass) {
    return classes.get(evidenceClass.ordinal());
  }

  /** Returns how many true pairs were counted (those with a record outside the run excluded). */
  public long truePairs() {
    return classes.stream().mapToLong(ClassRow::truePairs).sum();
  }

  /** Returns how many true pairs were skipped because a record of the pair is not in the run. */
  public long outsideRun() {
    return outsideRun;
  }

  /**
   * Returns the recall over the true pairs that share identifying evidence, the pairs a model can
   * be asked to find (1 when there are none).
   */
  public double identifyingRecall() {
    return of(EvidenceClass.IDENTIFYING).recall();
  }

  /**
   * Returns the recall over the true pairs that share anything beyond their names (identifying
   * evidence or context such as a city), 1 when there are none.
   */
  public double beyondNameRecall() {
    ClassRow a = of(EvidenceClass.IDENTIFYING);
    ClassRow b = of(EvidenceClass.NAME_AND_CONTEXT);
    long all = a.truePairs() + b.truePairs();
    return all == 0 ? 1.0 : (double) (a.found() + b.found()) / all;
  }

  /**
   * Returns a plain-text report: the classes, then the {@code maxRows} sets of agreeing fields with
   * the most missed pairs.
   */
  public String toText(int maxRows) {
    StringBuilder out = new StringBuilder();
    String nl = System.lineSeparator();
    out.append(String.format(Locale.ROOT, "true pairs by the evidence their records share (%,d pairs", truePairs()));
    if (outsideRun > 0) {
      out.append(String.format(Locale.ROOT, "; %,d with a record outside the run skipped", outsideRun));
    }
    out.append("):").append(nl);
    out.append(String.format(Locale.ROOT, "  %-62s %10s %10s %10s %7s %14s%n", "evidence", "true pairs", "found",
        "missed", "recall", "not compared"));
    for (ClassRow c : classes) {
      out.append(String.format(Locale.ROOT, "  %-62s %,10d %,10d %,10d %7.4f %,14d%n", c.evidenceClass().label(),
          c.truePairs(), c.found(), c.missed(), c.recall(), c.notCandidates()));
    }
    out.append(String.format(Locale.ROOT, "  recall over pairs with identifying evidence %.4f; with anything beyond "
        + "the names %.4f%n", identifyingRecall(), beyondNameRecall()));
    if (maxRows > 0 && !rows.isEmpty()) {
      out.append(nl).append("missed pairs by the fields that agree (most missed first):").append(nl);
      out.append(String.format(Locale.ROOT, "  %-62s %10s %10s %10s %7s %14s%n", "agreeing fields", "true pairs",
          "found", "missed", "recall", "not compared"));
      int shown = 0;
      for (Row r : rows) {
        if (shown == maxRows || r.missed() == 0) {
          break;
        }
        String label = r.label();
        if (label.length() > 62) {
          label = label.substring(0, 61) + "\u2026";
        }
        out.append(String.format(Locale.ROOT, "  %-62s %,10d %,10d %,10d %7.4f %,14d%n", label, r.truePairs(),
            r.found(), r.missed(), r.recall(), r.notCandidates()));
        shown++;
      }
    }
    return out.toString();
  }
}

package dev.mops.quality.contract;

import dev.mops.core.Severity;
import dev.mops.core.record.Record;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What changes between two versions of a data contract, before the new one ships: rules added,
 * removed, loosened (accepts more: values added to an allowed list, a wider range or length, a
 * weaker severity, a larger failure budget), tightened (the reverse) or changed (a new pattern or
 * expression, whose direction cannot be told without data); fields added and removed; and, when
 * rows are {@linkplain Impact#add added}, which rows newly fail or newly pass, per rule.
 *
 * <p>Rules are matched by id ({@code email.pattern}, {@code country.allowed}, a cross-field
 * rule's name), the ids that results and reports already use.
 *
 * <p>Thread safety: the diff is immutable; an {@link Impact} is for one thread.
 */
public final class ContractDiff {

  /** How a rule changed. */
  public enum Kind {
    /** Only in the new contract. */
    ADDED,
    /** Only in the old contract. */
    REMOVED,
    /** Accepts more in the new contract. */
    LOOSENED,
    /** Accepts less in the new contract. */
    TIGHTENED,
    /** Different, in no single direction (a new pattern, a list with values added and removed). */
    CHANGED
  }

  /**
   * One rule that differs.
   *
   * @param ruleId the rule's id
   * @param kind how it changed
   * @param before what the old rule expected, or {@code ""} when added
   * @param after what the new rule expects, or {@code ""} when removed
   * @param details each difference, for people ({@code allowed values added: [MX, NL]}, {@code
   *     severity error -> warning})
   */
  public record RuleChange(String ruleId, Kind kind, String before, String after, List<String> details) {

    /** Copies the list. */
    public RuleChange {
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(kind, "kind");
      details = List.copyOf(details);
    }
  }

  private final DataContract before;
  private final DataContract after;
  private final List<RuleChange> changes;
  private final List<String> fieldsAdded;
  private final List<String> fieldsRemoved;

  private ContractDiff(DataContract before, DataContract after, List<RuleChange> changes, List<String> fieldsAdded,
      List<String> fieldsRemoved) {
    this.before = before;
    this.after = after;
    this.changes = List.copyOf(changes);
    this.fieldsAdded = List.copyOf(fieldsAdded);
    this.fieldsRemoved = List.copyOf(fieldsRemoved);
  }

  /** Compares {@code before} (the contract in use) with {@code after} (the proposed one). */
  public static ContractDiff between(DataContract before, DataContract after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    List<RuleChange> changes = new ArrayList<>();
    for (ContractRule a : before.rules()) {
      ContractRule b = after.rule(a.id());
      if (b == null) {
        changes.add(new RuleChange(a.id(), Kind.REMOVED, describe(a), "", List.of("rule removed")));
      } else {
        RuleChange c = compare(before, after, a, b);
        if (c != null) {
          changes.add(c);
        }
      }
    }
    for (ContractRule b : after.rules()) {
      if (before.rule(b.id()) == null) {
        changes.add(new RuleChange(b.id(), Kind.ADDED, "", describe(b), List.of("rule added")));
      }
    }
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (FieldSpec f : after.fields()) {
      if (before.field(f.name()) == null) {
        added.add(f.name());
      }
    }
    for (FieldSpec f : before.fields()) {
      if (after.field(f.name()) == null) {
        removed.add(f.name());
      }
    }
    return new ContractDiff(before, after, changes, added, removed);
  }

  static String describe(ContractRule r) {
    return r.expectation() + " (" + r.severity().name().toLowerCase(Locale.ROOT) + ", " + r.threshold().describe() + ")";
  }

  private static int strength(Severity s) {
    return switch (s) {
      case ERROR -> 3;
      case WARNING -> 2;
      case INFO -> 1;
    };
  }

  private static @Nullable RuleChange compare(DataContract oldC, DataContract newC, ContractRule a, ContractRule b) {
    int loose = 0;
    int tight = 0;
    int other = 0;
    List<String> details = new ArrayList<>();
    if (a.kind() != b.kind()) {
      details.add("kind " + a.kind().name().toLowerCase(Locale.ROOT) + " -> " + b.kind().name().toLowerCase(Locale.ROOT));
      other++;
    }
    if (a.severity() != b.severity()) {
      details.add("severity " + a.severity().name().toLowerCase(Locale.ROOT) + " -> "
          + b.severity().name().toLowerCase(Locale.ROOT));
      if (strength(b.severity()) < strength(a.severity())) {
        loose++;
      } else {
        tight++;
      }
    }
    if (!a.threshold().equals(b.threshold())) {
      details.add("threshold " + a.threshold().describe() + " -> " + b.threshold().describe());
      Threshold ta = a.threshold();
      Threshold tb = b.threshold();
      boolean upper = (ta.comparison() == Threshold.Comparison.LE || ta.comparison() == Threshold.Comparison.LT)
          && ta.comparison() == tb.comparison() && ta.unit() == tb.unit();
      if (upper && tb.value() > ta.value()) {
        loose++;
      } else if (upper && tb.value() < ta.value()) {
        tight++;
      } else {
        other++;
      }
    }
    FieldCheck fa = a.fields().size() == 1 ? oldC.validator().fieldCheck(a.field()) : null;
    FieldCheck fb = b.fields().size() == 1 ? newC.validator().fieldCheck(b.field()) : null;
    boolean expectationCompared = false;
    if (fa != null && fb != null && a.kind() == b.kind()) {
      switch (a.kind()) {
        case ALLOWED_VALUES -> {
          if (fa.allowedValues != null && fb.allowedValues != null) {
            expectationCompared = true;
            boolean sameCase = fa.allowedIgnoreCase == fb.allowedIgnoreCase;
            Set<String> plus = new TreeSet<>(fb.allowedValues);
            plus.removeAll(fa.allowedValues);
            Set<String> minus = new TreeSet<>(fa.allowedValues);
            minus.removeAll(fb.allowedValues);
            if (!sameCase) {
              details.add(fb.allowedIgnoreCase ? "now ignores case" : "no longer ignores case");
              if (fb.allowedIgnoreCase) {
                loose++;
              } else {
                tight++;
              }
              plus.clear();
              minus.clear();
              Set<String> la = lower(fa.allowedValues);
              Set<String> lb = lower(fb.allowedValues);
              for (String v : lb) {
                if (!la.contains(v)) {
                  plus.add(v);
                }
              }
              for (String v : la) {
                if (!lb.contains(v)) {
                  minus.add(v);
                }
              }
            }
            plus = asWritten(plus, fb);
            minus = asWritten(minus, fa);
            if (!plus.isEmpty()) {
              details.add("allowed values added: " + plus);
              loose++;
            }
            if (!minus.isEmpty()) {
              details.add("allowed values removed: " + minus);
              tight++;
            }
          }
        }
        case LENGTH -> {
          expectationCompared = true;
          int[] r = range(fa.minLength, fa.maxLength, fb.minLength, fb.maxLength, details, "length");
          loose += r[0];
          tight += r[1];
        }
        case RANGE -> {
          expectationCompared = true;
          int[] r = range(fa.min, fa.max, fb.min, fb.max, details, "range");
          loose += r[0];
          tight += r[1];
          if (fa.minExclusive != fb.minExclusive || fa.maxExclusive != fb.maxExclusive) {
            details.add("bounds inclusive/exclusive changed");
            other++;
          }
        }
        default -> { }
      }
    }
    if (!expectationCompared && !a.expectation().equals(b.expectation())) {
      details.add("expects " + a.expectation() + " -> " + b.expectation());
      other++;
    }
    if (!a.fields().equals(b.fields())) {
      details.add("fields " + a.fields() + " -> " + b.fields());
      other++;
    }
    if (details.isEmpty()) {
      return null;
    }
    Kind kind = other > 0 || (loose > 0 && tight > 0) ? Kind.CHANGED : loose > 0 ? Kind.LOOSENED
        : tight > 0 ? Kind.TIGHTENED : Kind.CHANGED;
    return new RuleChange(a.id(), kind, describe(a), describe(b), details);
  }

  /** Maps values (lower-cased when the rule ignores case) back to how the contract writes them, in its order. */
  private static Set<String> asWritten(Set<String> values, FieldCheck f) {
    if (values.isEmpty() || f.allowedAsWritten.isEmpty()) {
      return values;
    }
    Set<String> out = new java.util.LinkedHashSet<>();
    for (String w : f.allowedAsWritten) {
      if (values.contains(w) || values.contains(w.toLowerCase(Locale.ROOT))) {
        out.add(w);
      }
    }
    return out.size() == values.size() ? out : values;
  }

  private static Set<String> lower(Set<String> s) {
    Set<String> out = new HashSet<>();
    s.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
    return out;
  }

  private static int[] range(double aMin, double aMax, double bMin, double bMax, List<String> details, String what) {
    int loose = 0;
    int tight = 0;
    if (bMin != aMin) {
      details.add(what + " minimum " + num(aMin) + " -> " + num(bMin));
      if (bMin < aMin) {
        loose++;
      } else {
        tight++;
      }
    }
    if (bMax != aMax) {
      details.add(what + " maximum " + num(aMax) + " -> " + num(bMax));
      if (bMax > aMax) {
        loose++;
      } else {
        tight++;
      }
    }
    return new int[] {loose, tight};
  }

  static String num(double d) {
    if (Double.isInfinite(d) || d == Integer.MAX_VALUE) {
      return "none";
    }
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** Returns the contract in use. */
  public DataContract before() {
    return before;
  }

  /** Returns the proposed contract. */
  public DataContract after() {
    return after;
  }

  /** Returns the rules that differ: the old contract's order, then the added rules. */
  public List<RuleChange> changes() {
    return changes;
  }

  /** Returns the changes of {@code kind}. */
  public List<RuleChange> changes(Kind kind) {
    List<RuleChange> out = new ArrayList<>();
    for (RuleChange c : changes) {
      if (c.kind() == kind) {
        out.add(c);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Returns the fields only in the new contract. */
  public List<String> fieldsAdded() {
    return fieldsAdded;
  }

  /** Returns the fields only in the old contract. */
  public List<String> fieldsRemoved() {
    return fieldsRemoved;
  }

  /** Returns whether the contracts have the same rules and fields (their text may differ). */
  public boolean isEmpty() {
    return changes.isEmpty() && fieldsAdded.isEmpty() && fieldsRemoved.isEmpty();
  }

  /** Starts measuring the impact on rows as of {@code now} (the clock of freshness-like rules). */
  public Impact impact(Instant now) {
    return new Impact(Objects.requireNonNull(now, "now"));
  }

  /**
   * The impact of a contract change on rows: each row is validated against both contracts, and
   * the rows that newly fail (break a record-level rule of the new contract and none of the old)
   * or newly pass are counted, overall and per rule, with the first {@link #SAMPLES} row keys.
   * Aggregate rules (unique keys, row count, freshness) are not row-level and are left out.
   *
   * <p>Thread safety: not thread-safe; one per thread.
   */
  public final class Impact {

    /** How many row keys are kept as samples per count. */
    public static final int SAMPLES = 10;

    private final Instant now;
    private long rows;
    private long failedBefore;
    private long failedAfter;
    private final List<String> newlyFailing = new ArrayList<>();
    private final List<String> newlyPassing = new ArrayList<>();
    private long newlyFailingCount;
    private long newlyPassingCount;
    private final Map<String, long[]> perRule = new LinkedHashMap<>();

    private Impact(Instant now) {
      this.now = now;
    }

    /**
     * Validates one row against both contracts; {@code key} names it in samples (an id or a line
     * number).
     */
    public Impact add(String key, Record row) {
      Objects.requireNonNull(key, "key");
      rows++;
      Set<String> a = broken(before.validator().validate(row, now));
      Set<String> b = broken(after.validator().validate(row, now));
      if (!a.isEmpty()) {
        failedBefore++;
      }
      if (!b.isEmpty()) {
        failedAfter++;
      }
      if (a.isEmpty() && !b.isEmpty()) {
        newlyFailingCount++;
        if (newlyFailing.size() < SAMPLES) {
          newlyFailing.add(key);
        }
      } else if (!a.isEmpty() && b.isEmpty()) {
        newlyPassingCount++;
        if (newlyPassing.size() < SAMPLES) {
          newlyPassing.add(key);
        }
      }
      for (String r : b) {
        if (!a.contains(r)) {
          perRule.computeIfAbsent(r, k -> new long[2])[0]++;
        }
      }
      for (String r : a) {
        if (!b.contains(r)) {
          perRule.computeIfAbsent(r, k -> new long[2])[1]++;
        }
      }
      return this;
    }

    private Set<String> broken(List<ContractViolation> vs) {
      Set<String> out = new HashSet<>();
      for (ContractViolation v : vs) {
        out.add(v.rule());
      }
      return out;
    }

    /** Returns the rows added. */
    public long rows() {
      return rows;
    }

    /** Returns the rows that broke a record-level rule of the old contract. */
    public long failedBefore() {
      return failedBefore;
    }

    /** Returns the rows that break a record-level rule of the new contract. */
    public long failedAfter() {
      return failedAfter;
    }

    /** Returns the rows that pass the old contract and fail the new one. */
    public long newlyFailing() {
      return newlyFailingCount;
    }

    /** Returns the rows that fail the old contract and pass the new one. */
    public long newlyPassing() {
      return newlyPassingCount;
    }

    /** Returns the keys of the first {@link #SAMPLES} newly failing rows. */
    public List<String> newlyFailingSamples() {
      return List.copyOf(newlyFailing);
    }

    /** Returns the keys of the first {@link #SAMPLES} newly passing rows. */
    public List<String> newlyPassingSamples() {
      return List.copyOf(newlyPassing);
    }

    /** Returns, per rule id, how many rows newly break it ({@code [0]}) and how many no longer do ({@code [1]}). */
    public Map<String, long[]> perRule() {
      Map<String, long[]> out = new LinkedHashMap<>();
      perRule.forEach((k, v) -> out.put(k, v.clone()));
      return Collections.unmodifiableMap(out);
    }
  }
}

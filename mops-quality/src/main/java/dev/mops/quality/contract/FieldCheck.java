package dev.mops.quality.contract;

import com.google.re2j.Pattern;
import dev.mops.core.record.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The record-level checks of one field, compiled: each constraint with the rule it reports under.
 * Nothing is allocated for a value that passes.
 *
 * <p>Thread safety: immutable once built by its reader; safe to share.
 */
final class FieldCheck {

  /** An ODCS library metric checked on each value. */
  static final class Metric {
    final ContractRule rule;
    final @Nullable Set<String> values;
    final boolean blankListed;
    final @Nullable Pattern pattern;

    Metric(ContractRule rule, @Nullable Set<String> values, boolean blankListed, @Nullable Pattern pattern) {
      this.rule = rule;
      this.values = values;
      this.blankListed = blankListed;
      this.pattern = pattern;
    }
  }

  final FieldSpec spec;
  final int slot;
  @Nullable ContractRule required;
  @Nullable ContractRule type;
  @Nullable ContractRule allowed;
  @Nullable Set<String> allowedValues;
  /** The allowed values as written in the contract (allowedValues is lower-cased when ignoring case). */
  List<String> allowedAsWritten = List.of();
  boolean allowedIgnoreCase;
  @Nullable ContractRule pattern;
  @Nullable Pattern regex;
  @Nullable ContractRule length;
  int minLength = 0;
  int maxLength = Integer.MAX_VALUE;
  @Nullable ContractRule range;
  double min = Double.NEGATIVE_INFINITY;
  double max = Double.POSITIVE_INFINITY;
  boolean minExclusive;
  boolean maxExclusive;
  final List<Metric> metrics = new ArrayList<>();
  private Metric[] metricArray = new Metric[0];
  private boolean ordered;

  FieldCheck(FieldSpec spec, int slot) {
    this.spec = spec;
    this.slot = slot;
  }

  /** Freezes the metric list; call once after the reader has set every constraint. */
  FieldCheck seal() {
    metricArray = metrics.toArray(new Metric[0]);
    ordered = spec.type().isOrdered() || spec.type() == LogicalType.BOOLEAN;
    return this;
  }

  /** Checks one value, reporting each breach on {@code sink}; returns the number of breaches. */
  int check(@Nullable Object raw, ViolationSink sink) {
    boolean blank = raw == null || Values.isEmpty(raw);
    int found = 0;
    for (Metric m : metricArray) {
      if (metricFails(m, raw, blank)) {
        found++;
        sink.accept(violation(m.rule, codeOf(m.rule.kind()), raw, metricMessage(m)));
      }
    }
    if (blank) {
      if (required != null) {
        sink.accept(violation(required, "MISSING_REQUIRED", raw, "'" + spec.name() + "' is required"));
        found++;
      }
      return found;
    }
    double measured = Double.NaN;
    if (type != null) {
      boolean ok;
      if (ordered) {
        measured = spec.measure(raw);
        ok = !Double.isNaN(measured);
      } else {
        ok = spec.accepts(java.util.Objects.requireNonNull(raw));
      }
      if (!ok) {
        sink.accept(violation(type, type.kind() == RuleKind.FORMAT ? "BAD_FORMAT" : typeCode(spec.type()), raw,
            "'" + spec.name() + "' is not " + type.expectation()));
        return found + 1;
      }
    }
    String s = null;
    if (allowed != null) {
      s = text(raw);
      String key = allowedIgnoreCase ? s.toLowerCase(Locale.ROOT) : s;
      if (!java.util.Objects.requireNonNull(allowedValues).contains(key)) {
        sink.accept(violation(allowed, "NOT_ALLOWED", raw, "'" + spec.name() + "' is not " + allowed.expectation()));
        found++;
      }
    }
    if (pattern != null) {
      if (s == null) {
        s = text(raw);
      }
      if (!java.util.Objects.requireNonNull(regex).matches(s)) {
        sink.accept(violation(pattern, "PATTERN_MISMATCH", raw, "'" + spec.name() + "' does not match " + regex.pattern()));
        found++;
      }
    }
    if (length != null) {
      if (s == null) {
        s = text(raw);
      }
      int n = s.length();
      if (n > maxLength || n < 2 * minLength) {
        n = s.codePointCount(0, s.length());
      }
      if (n < minLength) {
        sink.accept(violation(length, "TOO_SHORT", raw, "'" + spec.name() + "' has " + n + " characters, expected " + length.expectation()));
        found++;
      } else if (n > maxLength) {
        sink.accept(violation(length, "TOO_LONG", raw, "'" + spec.name() + "' has " + n + " characters, expected " + length.expectation()));
        found++;
      }
    }
    if (range != null) {
      if (Double.isNaN(measured)) {
        measured = spec.measure(raw);
      }
      if (!Double.isNaN(measured)) {
        if (measured < min || (minExclusive && measured == min)) {
          sink.accept(violation(range, "BELOW_MINIMUM", raw, "'" + spec.name() + "' is below the range " + range.expectation()));
          found++;
        } else if (measured > max || (maxExclusive && measured == max)) {
          sink.accept(violation(range, "ABOVE_MAXIMUM", raw, "'" + spec.name() + "' is above the range " + range.expectation()));
          found++;
        }
      }
    }
    return found;
  }

  private static boolean metricFails(Metric m, @Nullable Object raw, boolean blank) {
    switch (m.rule.kind()) {
      case NULL_VALUES:
        return blank;
      case MISSING_VALUES:
        return blank || (m.values != null && m.values.contains(text(raw)));
      case INVALID_VALUES:
        if (blank) {
          return m.values != null && !m.blankListed;
        }
        if (m.values != null && !m.values.contains(text(raw))) {
          return true;
        }
        return m.pattern != null && !m.pattern.matches(text(raw));
      default:
        throw new AssertionError(m.rule.kind());
    }
  }

  private String metricMessage(Metric m) {
    switch (m.rule.kind()) {
      case NULL_VALUES:
        return "'" + spec.name() + "' is null";
      case MISSING_VALUES:
        return "'" + spec.name() + "' holds a missing-value marker";
      default:
        return "'" + spec.name() + "' is not " + m.rule.expectation();
    }
  }

  private static String codeOf(RuleKind kind) {
    switch (kind) {
      case NULL_VALUES: return "NULL_VALUE";
      case MISSING_VALUES: return "MISSING_VALUE";
      default: return "INVALID_VALUE";
    }
  }

  static String typeCode(LogicalType t) {
    switch (t) {
      case INTEGER: return "NOT_AN_INTEGER";
      case NUMBER: return "NOT_A_NUMBER";
      case BOOLEAN: return "NOT_A_BOOLEAN";
      case DATE: return "NOT_A_DATE";
      case TIMESTAMP: return "NOT_A_TIMESTAMP";
      case TIME: return "NOT_A_TIME";
      case EMAIL: return "NOT_AN_EMAIL";
      case PHONE: return "NOT_A_PHONE";
      case COUNTRY: return "NOT_A_COUNTRY";
      case URL: return "NOT_A_URL";
      case DOMAIN: return "NOT_A_DOMAIN";
      default: return "WRONG_TYPE";
    }
  }

  static String text(@Nullable Object raw) {
    if (raw instanceof String string) {
      return string;
    }
    String s = Values.asString(raw);
    return s == null ? "" : s;
  }

  private ContractViolation violation(ContractRule rule, String code, @Nullable Object raw, String message) {
    return new ContractViolation(spec.name(), rule.id(), code, rule.severity(), raw == null ? null : text(raw), message);
  }
}

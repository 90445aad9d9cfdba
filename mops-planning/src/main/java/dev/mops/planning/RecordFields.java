package dev.mops.planning;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reader of one input record's fields for the planning checks: each accessor returns the typed
 * value, or {@code null} after adding a finding ({@link PlanningCodes#MISSING_FIELD}, {@link
 * PlanningCodes#BAD_DATE}, {@link PlanningCodes#BAD_NUMBER}) that names the field and the raw value.
 *
 * <p>Thread safety: not thread-safe; one instance per record.
 */
public final class RecordFields {

  private final Record record;
  private final List<Finding> findings = new ArrayList<>();

  /** Creates a reader of {@code record}. */
  public RecordFields(Record record) {
    this.record = record;
  }

  /** Returns the findings added so far, in order. */
  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  /** Returns whether any finding of severity error was added. */
  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == dev.mops.core.Severity.ERROR);
  }

  /** Adds a finding of the caller's own. */
  public void add(Finding finding) {
    findings.add(finding);
  }

  /** Returns the trimmed text of {@code field}, or {@code null} (with a finding) when missing or blank. */
  public @Nullable String requiredText(String field) {
    String s = optionalText(field);
    if (s == null) {
      findings.add(Finding.error(PlanningCodes.MISSING_FIELD, field, null, field + " is missing"));
    }
    return s;
  }

  /** Returns the trimmed text of {@code field}, or {@code null} when missing or blank. */
  public @Nullable String optionalText(String field) {
    String s = Values.asString(record.get(field));
    if (s == null) {
      return null;
    }
    s = s.trim();
    return s.isEmpty() ? null : s;
  }

  /** Returns the text of {@code field}, or {@code fallback} when missing or blank. */
  public String text(String field, String fallback) {
    String s = optionalText(field);
    return s == null ? fallback : s;
  }

  /**
   * Returns the date in {@code field}; {@code null} with a finding when it is not a date, or when
   * it is missing and {@code required}.
   */
  public @Nullable LocalDate date(String field, boolean required) {
    Object raw = record.get(field);
    if (Values.isEmpty(raw)) {
      if (required) {
        findings.add(Finding.error(PlanningCodes.MISSING_FIELD, field, null, field + " is missing"));
      }
      return null;
    }
    LocalDate d = Values.asDate(raw);
    if (d == null) {
      findings.add(Finding.error(PlanningCodes.BAD_DATE, field, raw,
          field + " is not a date (expected yyyy-MM-dd): '" + raw + "'"));
    }
    return d;
  }

  /**
   * Returns the non-negative number in {@code field}; {@code null} with a finding when it is not
   * one, or when it is missing and {@code required}.
   */
  public @Nullable BigDecimal amount(String field, boolean required) {
    Object raw = record.get(field);
    if (raw == null || Values.isEmpty(raw)) {
      if (required) {
        findings.add(Finding.error(PlanningCodes.MISSING_FIELD, field, null, field + " is missing"));
      }
      return null;
    }
    BigDecimal n = parseAmount(raw);
    if (n == null || n.signum() < 0) {
      findings.add(Finding.error(PlanningCodes.BAD_NUMBER, field, raw,
          field + " is not a non-negative number: '" + raw + "'"));
      return null;
    }
    return n;
  }

  /** Returns the values of a list field ({@code a;b} or {@code a|b}), empty when missing. */
  public List<String> list(String field) {
    List<String> l = Values.asStringList(record.get(field));
    return l == null ? List.of() : l;
  }

  /**
   * Parses an amount as spreadsheets export it: {@code 1200}, {@code 1,200.50}, {@code $1,200},
   * {@code 1 200}; {@code null} when it is not one.
   */
  static @Nullable BigDecimal parseAmount(Object raw) {
    if (raw instanceof BigDecimal) {
      return (BigDecimal) raw;
    }
    if (raw instanceof Long || raw instanceof Integer) {
      return BigDecimal.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof Number) {
      double d = ((Number) raw).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    String s = raw.toString().trim();
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == ' ' || c == '\u00a0' || c == '_') {
        continue;
      }
      if (i == 0 && (c == '$' || c == '\u20ac' || c == '\u00a3')) {
        continue;
      }
      sb.append(c);
    }
    if (sb.length() == 0 || sb.length() > 40) {
      return null;
    }
    try {
      return new BigDecimal(sb.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

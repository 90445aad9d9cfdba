package dev.mops.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A problem found in a record's data: a machine-readable code, the field, the raw value and a
 * sentence for people.
 *
 * <p>Bad data is never an exception in mops: a broken URL, an invalid email or a non-date becomes
 * a finding in the result, so that one bad record does not stop a batch. Codes are upper snake
 * case ({@code NOT_A_NUMBER}) and stable across releases; messages may change.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param code stable machine-readable code, such as {@code NOT_A_NUMBER}
 * @param field the field the value came from, or {@code ""} when the finding is about the record
 * @param rawValue the value as it was found, or {@code null} when it was missing
 * @param severity how serious the problem is
 * @param message a sentence for people
 */
public record Finding(
    String code, String field, @Nullable String rawValue, Severity severity, String message) {

  /** Largest raw value kept in a finding; longer values are cut and marked with an ellipsis. */
  public static final int MAX_RAW_VALUE_LENGTH = 256;

  /** Validates the components and cuts an over-long raw value to {@link #MAX_RAW_VALUE_LENGTH}. */
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (code.isEmpty()) {
      throw new IllegalArgumentException("finding code must not be empty");
    }
    if (rawValue != null && rawValue.length() > MAX_RAW_VALUE_LENGTH) {
      rawValue = rawValue.substring(0, MAX_RAW_VALUE_LENGTH) + "\u2026";
    }
  }

  /** Creates an {@link Severity#ERROR} finding. */
  public static Finding error(String code, String field, @Nullable Object rawValue, String message) {
    return new Finding(code, field, rawValue == null ? null : rawValue.toString(), Severity.ERROR, message);
  }

  /** Creates a {@link Severity#WARNING} finding. */
  public static Finding warning(
      String code, String field, @Nullable Object rawValue, String message) {
    return new Finding(
        code, field, rawValue == null ? null : rawValue.toString(), Severity.WARNING, message);
  }

  /** Creates an {@link Severity#INFO} finding. */
  public static Finding info(String code, String field, @Nullable Object rawValue, String message) {
    return new Finding(code, field, rawValue == null ? null : rawValue.toString(), Severity.INFO, message);
  }

  /** Returns {@code CODE:field}, the short form used in CSV {@code issues} columns. */
  public String shortForm() {
    return field.isEmpty() ? code : code + ":" + field;
  }
}

package dev.mops.quality.contract;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A record's breach of one contract rule: the field, the rule id, a stable code, the severity and
 * the raw value.
 *
 * <p>Codes: {@code MISSING_REQUIRED}, {@code NOT_AN_INTEGER}, {@code NOT_A_NUMBER}, {@code
 * NOT_A_BOOLEAN}, {@code NOT_A_DATE}, {@code NOT_A_TIMESTAMP}, {@code NOT_A_TIME}, {@code
 * NOT_AN_EMAIL}, {@code NOT_A_PHONE}, {@code NOT_A_COUNTRY}, {@code NOT_A_URL}, {@code
 * NOT_A_DOMAIN}, {@code BAD_FORMAT}, {@code NOT_ALLOWED}, {@code PATTERN_MISMATCH}, {@code
 * TOO_SHORT}, {@code TOO_LONG}, {@code BELOW_MINIMUM}, {@code ABOVE_MAXIMUM}, {@code NULL_VALUE},
 * {@code MISSING_VALUE}, {@code INVALID_VALUE}, {@code RULE_FAILED} (cross-field) and, from
 * profiling, {@code DUPLICATE_KEY}.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param field the field whose value broke the rule ({@code ""} for none)
 * @param rule the id of the {@link ContractRule} broken
 * @param code the stable code of the breach
 * @param severity the rule's severity
 * @param rawValue the value as found (cut to {@link Finding#MAX_RAW_VALUE_LENGTH}), or {@code
 *     null} when it was missing
 * @param message a sentence for people
 */
public record ContractViolation(
    String field, String rule, String code, Severity severity, @Nullable String rawValue, String message) {

  /** Validates the components and cuts an over-long raw value. */
  public ContractViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (rawValue != null && rawValue.length() > Finding.MAX_RAW_VALUE_LENGTH) {
      rawValue = rawValue.substring(0, Finding.MAX_RAW_VALUE_LENGTH) + "\u2026";
    }
  }

  /** Returns this violation as a core {@link Finding} (the rule id goes into the message). */
  public Finding toFinding() {
    return new Finding(code, field, rawValue, severity, message + " [" + rule + "]");
  }
}

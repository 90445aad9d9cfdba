package dev.mops.core.condition;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One field comparison of a condition, as it was evaluated on a row: the field, the operator, the
 * expected side, the actual value, the result and, when the value could not be compared, why.
 *
 * <p>Thread safety: an immutable value (the actual value is the row's own object).
 *
 * @param field the field compared
 * @param operator the operator keyword, such as {@code eq} or {@code within_last}
 * @param expected the expected side as text, such as {@code 'US'} or {@code [1, 2]}
 * @param actual the field's value in the row, or {@code null} when missing
 * @param result whether the comparison was true
 * @param note why the value could not be compared ({@code missing}, {@code not a number}, ...), or
 *     {@code ""}
 */
public record LeafOutcome(
    String field, String operator, String expected, @Nullable Object actual, boolean result, String note) {

  /** Validates the components. */
  public LeafOutcome {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(note, "note");
  }

  /** Returns a one-line form: {@code country eq 'US': actual 'CA' -> false}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(field).append(' ').append(operator);
    if (!expected.isEmpty()) {
      sb.append(' ').append(expected);
    }
    sb.append(": actual ").append(actual == null ? "(missing)" : actual instanceof String ? "'" + actual + "'" : actual);
    if (!note.isEmpty() && !(actual == null && note.equals("missing"))) {
      sb.append(" (").append(note).append(')');
    }
    return sb.append(" -> ").append(result).toString();
  }
}

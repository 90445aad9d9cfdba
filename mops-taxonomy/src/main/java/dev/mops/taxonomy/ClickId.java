package dev.mops.taxonomy;

import java.util.Objects;

/**
 * A click identifier found in a landing-page URL: its type and its decoded value.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param type the kind of click id
 * @param value the decoded value (may be empty)
 * @param inFragment whether it was found after {@code #} rather than in the query
 */
public record ClickId(ClickIdType type, String value, boolean inFragment) {

  /** Validates the components. */
  public ClickId {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }
}

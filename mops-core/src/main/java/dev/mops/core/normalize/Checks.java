package dev.mops.core.normalize;

import java.util.Objects;

/**
 * Preconditions shared by the normalizer builders; a failure means the caller made a mistake.
 *
 * <p>Thread safety: stateless.
 */
final class Checks {

  private Checks() {}

  /** Throws when a builder option is set a second time. */
  static void checkNotSet(boolean alreadySet, String option) {
    if (alreadySet) {
      throw new IllegalStateException(option + " was already set");
    }
  }

  /** Returns {@code field} when it is a non-blank field name. */
  static String checkFieldName(String field) {
    Objects.requireNonNull(field, "field");
    if (field.isBlank()) {
      throw new IllegalArgumentException("field name must not be blank, was '" + field + "'");
    }
    return field;
  }
}

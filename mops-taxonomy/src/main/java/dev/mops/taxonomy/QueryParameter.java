package dev.mops.taxonomy;

import java.util.Objects;

/**
 * One {@code name=value} pair of a URL's query (or fragment), decoded by the
 * application/x-www-form-urlencoded rules browsers use, with its raw text kept.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param name the decoded name ({@code +} is a space, bad escapes are kept literally, bad UTF-8
 *     becomes U+FFFD)
 * @param value the decoded value, {@code ""} when there was no {@code =}
 * @param raw the segment as written between {@code &} separators
 * @param inFragment whether the pair came from the fragment (after {@code #})
 */
public record QueryParameter(String name, String value, String raw, boolean inFragment) {

  /** Validates the components. */
  public QueryParameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(raw, "raw");
  }
}

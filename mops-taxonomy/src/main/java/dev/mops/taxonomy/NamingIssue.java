package dev.mops.taxonomy;

import dev.mops.core.Finding;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One problem with a campaign (or asset) name: the finding (its field is the token name), where in
 * the name it stands, and a suggested value for the token.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param finding the code, token, raw value, severity and message
 * @param start the index of the first character concerned (0-based, inclusive)
 * @param end the index after the last character concerned; equal to {@code start} for something
 *     missing at that point
 * @param suggestion a proposed value for the token, or {@code null}
 */
public record NamingIssue(Finding finding, int start, int end, @Nullable String suggestion) {

  /** Validates the components. */
  public NamingIssue {
    Objects.requireNonNull(finding, "finding");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range " + start + ".." + end);
    }
  }

  /** Returns the finding's code. */
  public String code() {
    return finding.code();
  }

  /** Returns the token the issue is about, or {@code ""} for the whole name. */
  public String token() {
    return finding.field();
  }

  /** Returns {@code CODE:token@start}, the form used in the CSV {@code issues} column. */
  public String shortForm() {
    return finding.shortForm() + "@" + start;
  }
}

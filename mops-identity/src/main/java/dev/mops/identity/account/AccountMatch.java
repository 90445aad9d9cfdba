package dev.mops.identity.account;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The account a lead was matched to (or none), the confidence in [0, 1] and the reasons.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param account the matched account, or null when no candidate reached the threshold
 * @param confidence the matched account's confidence, or the best candidate's when below the
 *     threshold (0 when there was none)
 * @param reasons the evidence for and against, and tie-breaks used, in order
 */
public record AccountMatch(@Nullable Account account, double confidence, List<String> reasons) {

  /** Copies the reasons. */
  public AccountMatch {
    reasons = List.copyOf(reasons);
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
    }
  }

  /** Returns whether an account was matched. */
  public boolean matched() {
    return account != null;
  }

  /** Returns the matched account's id, or null. */
  public @Nullable String accountId() {
    return account == null ? null : account.id();
  }

  /** Returns the reasons joined with {@code "; "}. */
  public String reason() {
    return String.join("; ", reasons);
  }
}

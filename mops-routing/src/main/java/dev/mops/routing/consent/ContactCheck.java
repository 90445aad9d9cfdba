package dev.mops.routing.consent;

import java.util.List;

/**
 * The answer of a {@link ContactPolicy}: allowed or blocked, with every reason that blocks.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param allowed whether the lead may be contacted on the channel for the purpose
 * @param reasons every reason it may not (empty when allowed)
 */
public record ContactCheck(boolean allowed, List<String> reasons) {

  /** The answer when nothing blocks. */
  public static final ContactCheck ALLOWED = new ContactCheck(true, List.of());

  /** Copies the reasons. */
  public ContactCheck {
    reasons = List.copyOf(reasons);
    if (allowed != reasons.isEmpty()) {
      throw new IllegalArgumentException("a check is allowed exactly when it has no reasons");
    }
  }

  /** Returns the reasons joined with {@code "; "} ({@code ""} when allowed). */
  public String reason() {
    return String.join("; ", reasons);
  }
}

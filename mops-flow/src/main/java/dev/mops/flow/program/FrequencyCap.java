package dev.mops.flow.program;

import dev.mops.core.condition.Condition;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The frequency cap of a {@link Program}: at most {@code maxSends} sends to a lead in any window
 * of {@code per}, counting this program's own sends and the lead's events that match {@code counts}
 * (sends by other programs, recorded as events such as {@code email_sent}).
 *
 * <p>A send that would break the cap is delayed to the first instant the window has room, or
 * skipped when {@code skip} is true.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param maxSends the most sends in a window
 * @param per the length of the sliding window
 * @param counts the condition on events that count as sends, or null to count only this program's
 * @param skip whether a capped send is skipped (true) or delayed (false)
 */
public record FrequencyCap(int maxSends, Duration per, @Nullable Condition counts, boolean skip) {

  /** Validates the components. */
  public FrequencyCap {
    Objects.requireNonNull(per, "per");
    if (maxSends < 1 || per.isNegative() || per.isZero()) {
      throw new IllegalArgumentException("maxSends must be at least 1 and per positive");
    }
  }
}

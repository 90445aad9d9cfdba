package dev.mops.planning.intake;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One window of a release train: when launches and changes may ship, in the train's zone.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param train the train's name
 * @param start when the window opens, in the train's zone
 * @param end when it closes, in the train's zone
 */
public record ReleaseWindow(String train, ZonedDateTime start, ZonedDateTime end) {
  /** Validates the components. */
  public ReleaseWindow {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }
}

package dev.mops.metrics.sla;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event of a request's SLA clock: start, pause, resume or stop at an instant.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param at when it happened
 * @param kind what happened
 */
public record SlaEvent(Instant at, Kind kind) {

  /** What an event does to the clock. */
  public enum Kind {
    /** Starts a cycle (when none runs). */
    START,
    /** Pauses a running cycle. */
    PAUSE,
    /** Resumes a paused cycle. */
    RESUME,
    /** Stops the cycle (running or paused). */
    STOP;

    /** Returns the kind named by {@code text} (case-insensitive), or {@code null}. */
    public static @Nullable Kind parse(@Nullable String text) {
      if (text == null) {
        return null;
      }
      switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "start":
          return START;
        case "pause":
          return PAUSE;
        case "resume":
          return RESUME;
        case "stop":
          return STOP;
        default:
          return null;
      }
    }
  }

  /** Validates the components. */
  public SlaEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
  }

  /** Returns a start event. */
  public static SlaEvent start(Instant at) {
    return new SlaEvent(at, Kind.START);
  }

  /** Returns a pause event. */
  public static SlaEvent pause(Instant at) {
    return new SlaEvent(at, Kind.PAUSE);
  }

  /** Returns a resume event. */
  public static SlaEvent resume(Instant at) {
    return new SlaEvent(at, Kind.RESUME);
  }

  /** Returns a stop event. */
  public static SlaEvent stop(Instant at) {
    return new SlaEvent(at, Kind.STOP);
  }
}

package dev.mops.scoring;

import java.util.Locale;

/**
 * How a group's event points lose value with age: none, exponential with a half-life, linear by a
 * fraction per whole period, or a step that drops points after a number of days.
 *
 * <p>Every factor is in {@code [0, 1]}, is 1 at age 0 and never increases with age.
 */
record Decay(Kind kind, double halfLifeSeconds, double everySeconds, double fraction, double expireSeconds) {

  enum Kind {
    NONE,
    EXPONENTIAL,
    LINEAR,
    STEP
  }

  static final Decay NONE = new Decay(Kind.NONE, 0, 0, 0, 0);

  static Decay exponential(double halfLifeSeconds) {
    return new Decay(Kind.EXPONENTIAL, halfLifeSeconds, 0, 0, 0);
  }

  static Decay linear(double everySeconds, double fraction) {
    return new Decay(Kind.LINEAR, 0, everySeconds, fraction, 0);
  }

  static Decay step(double expireSeconds) {
    return new Decay(Kind.STEP, 0, 0, 0, expireSeconds);
  }

  /** Returns the factor for an event {@code ageSeconds} old ({@code >= 0}). */
  double factor(double ageSeconds) {
    switch (kind) {
      case NONE:
        return 1.0;
      case EXPONENTIAL:
        return Math.exp(-LN2 * ageSeconds / halfLifeSeconds);
      case LINEAR:
        return Math.max(0.0, 1.0 - fraction * Math.floor(ageSeconds / everySeconds));
      case STEP:
        return ageSeconds <= expireSeconds ? 1.0 : 0.0;
      default:
        throw new AssertionError(kind);
    }
  }

  private static final double LN2 = Math.log(2.0);

  String describe() {
    switch (kind) {
      case NONE:
        return "none";
      case EXPONENTIAL:
        return "exponential, half-life " + days(halfLifeSeconds);
      case LINEAR:
        return "linear, -" + fraction + " every " + days(everySeconds);
      case STEP:
        return "step, expires after " + days(expireSeconds);
      default:
        throw new AssertionError(kind);
    }
  }

  private static String days(double seconds) {
    double d = seconds / 86_400.0;
    return d == Math.rint(d)
        ? String.format(Locale.ROOT, "%dd", (long) d)
        : String.format(Locale.ROOT, "%.0fs", seconds);
  }
}

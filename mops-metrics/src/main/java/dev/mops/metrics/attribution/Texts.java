package dev.mops.metrics.attribution;

import java.time.Duration;
import java.util.Locale;

/** Formatting shared by the attribution types. */
final class Texts {

  private Texts() {}

  /** Returns a duration as people write it: {@code 7d}, {@code 12h}, {@code 90m}, or ISO-8601. */
  static String duration(Duration d) {
    if (d.equals(RuleBasedModel.INFINITE)) {
      return "infinite";
    }
    long s = d.getSeconds();
    if (d.getNano() == 0 && s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (d.getNano() == 0 && s % 3_600 == 0) {
      return s / 3_600 + "h";
    }
    if (d.getNano() == 0 && s % 60 == 0) {
      return s / 60 + "m";
    }
    return d.toString();
  }

  /** Returns a share as a plain number without trailing zeros ({@code 0.4}, {@code 0.333333}). */
  static String number(double x) {
    String s = String.format(Locale.ROOT, "%.6f", x);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** Returns the description suffix of a lookback window. */
  static String lookback(java.time.@org.jspecify.annotations.Nullable Duration lookback) {
    return lookback == null ? "" : "lookback " + duration(lookback);
  }

  /** Validates a lookback window. */
  static java.time.@org.jspecify.annotations.Nullable Duration checkLookback(
      java.time.@org.jspecify.annotations.Nullable Duration lookback) {
    if (lookback != null && (lookback.isNegative() || lookback.isZero())) {
      throw new IllegalArgumentException("the lookback window must be positive, got " + lookback);
    }
    return lookback;
  }
}

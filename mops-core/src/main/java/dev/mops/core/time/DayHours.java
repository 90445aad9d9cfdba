package dev.mops.core.time;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Working hours of one day as sorted, disjoint {@code [start, end)} pairs of seconds of the day
 * ({@code end} at most 86,400, meaning the following midnight). Package-private.
 */
final class DayHours {

  static final int[] CLOSED = new int[0];
  static final int DAY = 86_400;

  private DayHours() {}

  /**
   * Parses intervals such as {@code 09:00-12:30} (seconds allowed, {@code 24:00} for the end of
   * the day), sorts them and joins touching ones.
   *
   * @throws IllegalArgumentException naming the bad interval
   */
  static int[] parse(List<String> intervals) {
    List<int[]> pairs = new ArrayList<>();
    for (String text : intervals) {
      String t = text.trim();
      int dash = t.indexOf('-');
      if (dash < 0) {
        throw new IllegalArgumentException("expected working hours as HH:MM-HH:MM, found '" + text + "'");
      }
      int start = seconds(t.substring(0, dash).trim(), text);
      int end = seconds(t.substring(dash + 1).trim(), text);
      if (start >= DAY) {
        throw new IllegalArgumentException("working hours cannot start at 24:00: '" + text + "'");
      }
      if (end <= start) {
        throw new IllegalArgumentException(
            "working hours must end after they start (use 24:00 for midnight): '" + text + "'");
      }
      pairs.add(new int[] {start, end});
    }
    return normalize(pairs);
  }

  /** Sorts and joins pairs; throws when two overlap. */
  static int[] normalize(List<int[]> pairs) {
    if (pairs.isEmpty()) {
      return CLOSED;
    }
    pairs.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] p : pairs) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && p[0] < last[1]) {
        throw new IllegalArgumentException(
            "working hours overlap: " + format(last[0], last[1]) + " and " + format(p[0], p[1]));
      }
      if (last != null && p[0] == last[1]) {
        last[1] = p[1];
      } else {
        merged.add(new int[] {p[0], p[1]});
      }
    }
    int[] out = new int[merged.size() * 2];
    for (int i = 0; i < merged.size(); i++) {
      out[2 * i] = merged.get(i)[0];
      out[2 * i + 1] = merged.get(i)[1];
    }
    return out;
  }

  private static int seconds(String hhmm, String whole) {
    String[] parts = hhmm.split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("expected a time as HH:MM in '" + whole + "', found '" + hhmm + "'");
    }
    int[] v = new int[3];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("expected a time as HH:MM in '" + whole + "', found '" + hhmm + "'");
      }
      v[i] = Integer.parseInt(p);
    }
    if (v[1] > 59 || v[2] > 59 || v[0] > 24 || (v[0] == 24 && (v[1] != 0 || v[2] != 0))) {
      throw new IllegalArgumentException("no such time of day '" + hhmm + "' in '" + whole + "'");
    }
    return v[0] * 3600 + v[1] * 60 + v[2];
  }

  static String format(int start, int end) {
    return time(start) + "-" + time(end);
  }

  static String time(int s) {
    int h = s / 3600;
    int m = (s / 60) % 60;
    int sec = s % 60;
    return sec == 0
        ? String.format(Locale.ROOT, "%02d:%02d", h, m)
        : String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, sec);
  }

  static String describe(int[] hours) {
    if (hours.length == 0) {
      return "closed";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < hours.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(format(hours[i], hours[i + 1]));
    }
    return sb.toString();
  }

  static long total(int[] hours) {
    long t = 0;
    for (int i = 0; i < hours.length; i += 2) {
      t += hours[i + 1] - hours[i];
    }
    return t;
  }

  static boolean same(int[] a, int[] b) {
    return Arrays.equals(a, b);
  }
}

package dev.mops.identity.dedupe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One compared field of a dedupe model: the column, what it holds, the comparator and its
 * thresholds, and optionally fixed m and u probabilities per agreement level.
 *
 * <p>Agreement levels are numbered from 0 ({@code different}) to {@link #levelCount()} - 1
 * ({@code exact}); {@link #levelNames()} names them for explanations.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param field the column name
 * @param kind what the column holds, which decides normalization
 * @param comparator how two values are compared
 * @param thresholds the comparator's thresholds (see {@link ComparatorType}), in level order from
 *     strongest to weakest
 * @param m fixed probabilities of each level among true matches, lowest level first, or null to
 *     estimate them
 * @param u fixed probabilities of each level among non-matches, lowest level first, or null to
 *     estimate them from random pairs
 * @param region for a {@link FieldKind#PHONE} field, the ISO 3166-1 alpha-2 region national
 *     numbers are read in (upper case; default {@code US}); {@code null} for other kinds
 */
public record FieldRule(
    String field,
    FieldKind kind,
    ComparatorType comparator,
    List<Double> thresholds,
    @Nullable List<Double> m,
    @Nullable List<Double> u,
    @Nullable String region) {

  /** Most thresholds one field may have, so that a field has at most 15 levels. */
  public static final int MAX_THRESHOLDS = 12;

  /** Validates the rule: thresholds in order and in range, m and u of the right size, region known. */
  public FieldRule {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(comparator, "comparator");
    if (region != null && kind != FieldKind.PHONE) {
      throw new IllegalArgumentException("field '" + field + "': only a phone field takes a region");
    }
    if (kind == FieldKind.PHONE) {
      String r = region == null ? Normalization.DEFAULT_PHONE_REGION : region.strip().toUpperCase(Locale.ROOT);
      if (!Normalization.knownPhoneRegion(r)) {
        throw new IllegalArgumentException("field '" + field + "': unknown phone region '" + region
            + "', expected an ISO 3166-1 alpha-2 code such as US, GB or AU");
      }
      region = r;
    }
    thresholds = List.copyOf(thresholds);
    if (field.isBlank()) {
      throw new IllegalArgumentException("field name must not be blank");
    }
    if (thresholds.size() > MAX_THRESHOLDS) {
      throw new IllegalArgumentException(
          "field '" + field + "' has " + thresholds.size() + " thresholds, at most " + MAX_THRESHOLDS);
    }
    if (comparator == ComparatorType.EXACT && !thresholds.isEmpty()) {
      throw new IllegalArgumentException("field '" + field + "': the exact comparator takes no thresholds");
    }
    for (int i = 0; i < thresholds.size(); i++) {
      double t = thresholds.get(i);
      if (comparator.similarityThresholds()) {
        if (!(t > 0 && t < 1)) {
          throw new IllegalArgumentException(
              "field '" + field + "': similarity threshold " + t + " is not between 0 and 1");
        }
        if (i > 0 && t >= thresholds.get(i - 1)) {
          throw new IllegalArgumentException(
              "field '" + field + "': similarity thresholds must decrease, got " + thresholds);
        }
      } else {
        if (!(t >= 0) || Double.isInfinite(t)) {
          throw new IllegalArgumentException(
              "field '" + field + "': distance threshold " + t + " must be a number >= 0");
        }
        if (i > 0 && t <= thresholds.get(i - 1)) {
          throw new IllegalArgumentException(
              "field '" + field + "': distance thresholds must increase, got " + thresholds);
        }
        if ((comparator == ComparatorType.LEVENSHTEIN || comparator == ComparatorType.DAMERAU_LEVENSHTEIN)
            && (t != Math.rint(t) || t < 1)) {
          throw new IllegalArgumentException(
              "field '" + field + "': edit distance threshold " + t + " must be a whole number >= 1");
        }
      }
    }
    int levels = 2 + comparator.fixedMiddleLevels() + thresholds.size();
    m = checkProbabilities(field, "m", m, levels);
    u = checkProbabilities(field, "u", u, levels);
  }

  private static @Nullable List<Double> checkProbabilities(
      String field, String name, @Nullable List<Double> p, int levels) {
    if (p == null) {
      return null;
    }
    if (p.size() != levels) {
      throw new IllegalArgumentException(
          "field '" + field + "': " + name + " has " + p.size() + " probabilities, the field has " + levels + " levels");
    }
    for (double v : p) {
      if (!(v > 0 && v <= 1)) {
        throw new IllegalArgumentException(
            "field '" + field + "': " + name + " probability " + v + " is not in (0, 1]");
      }
    }
    return List.copyOf(p);
  }

  /** Returns a rule with the default phone region (for a phone field). */
  public FieldRule(String field, FieldKind kind, ComparatorType comparator, List<Double> thresholds,
      @Nullable List<Double> m, @Nullable List<Double> u) {
    this(field, kind, comparator, thresholds, m, u, null);
  }

  /** Returns this rule reading national phone numbers in {@code region}. */
  public FieldRule withRegion(String region) {
    return new FieldRule(field, kind, comparator, thresholds, m, u, Objects.requireNonNull(region, "region"));
  }

  /** Returns the region national phone numbers are read in ({@code US} unless set). */
  String phoneRegion() {
    return region == null ? Normalization.DEFAULT_PHONE_REGION : region;
  }

  /** Returns a rule with estimated m and u. */
  public static FieldRule of(String field, FieldKind kind, ComparatorType comparator, double... thresholds) {
    List<Double> t = new ArrayList<>();
    for (double d : thresholds) {
      t.add(d);
    }
    return new FieldRule(field, kind, comparator, t, null, null);
  }

  /** Returns the number of agreement levels, {@code different} and {@code exact} included. */
  public int levelCount() {
    return 2 + comparator.fixedMiddleLevels() + thresholds.size();
  }

  /** Returns the level names, lowest ({@code different}) first. */
  public List<String> levelNames() {
    List<String> names = new ArrayList<>();
    names.add("different");
    for (int i = thresholds.size() - 1; i >= 0; i--) {
      names.add(thresholdName(thresholds.get(i)));
    }
    switch (comparator) {
      case PHONETIC:
        names.add("same sound");
        break;
      case NAME:
        names.add("nickname");
        break;
      case DATE:
        names.add("one typo");
        break;
      default:
        break;
    }
    names.add("exact");
    return List.copyOf(names);
  }

  private String thresholdName(double t) {
    switch (comparator) {
      case LEVENSHTEIN:
      case DAMERAU_LEVENSHTEIN:
        return "edits<=" + (long) t;
      case DATE:
        return "days<=" + fmt(t);
      case NUMBER:
        return "diff<=" + fmt(t);
      case QGRAM:
        return "qgram>=" + fmt(t);
      case TOKEN_SET:
        return "tokens>=" + fmt(t);
      case ORG_NAME:
        return "weighted_words>=" + fmt(t);
      default:
        return "jw>=" + fmt(t);
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
  }
}

package dev.mops.identity.dedupe;

import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Prepares records and compares prepared records field by field into agreement levels, and makes
 * blocking keys.
 *
 * <p>Thread safety: immutable after construction; safe to use from many threads.
 */
final class FieldComparer {

  /** The level code of a missing value in a comparison pattern. */
  static final int MISSING = 15;

  final DedupeConfig config;
  final FieldRule[] rules;
  final int[] levelCount;
  final double[][] thresholds;
  private final int[] maxEdits;
  final int[][] keyFields;
  /** The first email field, whose domain says whether a record's email is personal; -1 when none. */
  final int firstEmail;

  FieldComparer(DedupeConfig config) {
    this.config = config;
    List<FieldRule> fields = config.fields();
    rules = fields.toArray(new FieldRule[0]);
    levelCount = new int[rules.length];
    thresholds = new double[rules.length][];
    maxEdits = new int[rules.length];
    for (int f = 0; f < rules.length; f++) {
      levelCount[f] = rules[f].levelCount();
      thresholds[f] = rules[f].thresholds().stream().mapToDouble(Double::doubleValue).toArray();
      maxEdits[f] = thresholds[f].length == 0 ? 0 : (int) thresholds[f][thresholds[f].length - 1];
    }
    int email = -1;
    for (int f = rules.length - 1; f >= 0; f--) {
      if (rules[f].kind() == FieldKind.EMAIL) {
        email = f;
      }
    }
    firstEmail = email;
    keyFields = new int[config.blockingKeys().size()][];
    for (int k = 0; k < keyFields.length; k++) {
      List<BlockingKey.Part> parts = config.blockingKeys().get(k).parts();
      keyFields[k] = new int[parts.size()];
      for (int p = 0; p < parts.size(); p++) {
        keyFields[k][p] = config.fieldIndex(parts.get(p).field());
      }
    }
  }

  int fieldCount() {
    return rules.length;
  }

  /**
   * Normalizes a record's compared fields; when {@code junk} is given, known placeholders and
   * the listed junk values ({@code fieldIndex + NUL + value}) become missing.
   */
  PreparedRecord prepare(RecordRef ref, Record record, @Nullable Set<String> junk) {
    PreparedRecord p = new PreparedRecord(ref, record, rules.length);
    for (int f = 0; f < rules.length; f++) {
      FieldRule rule = rules[f];
      String v = Normalization.normalize(rule.kind(), record.get(rule.field()), rule.phoneRegion());
      if (v != null && junk != null && rule.kind().identifying()
          && (Normalization.knownJunk(rule.kind(), v) || junk.contains(f + "\u0000" + v))) {
        v = null;
      }
      setValue(p, f, v);
    }
    return p;
  }

  void setValue(PreparedRecord p, int f, @Nullable String v) {
    FieldRule rule = rules[f];
    p.norm[f] = v;
    if (rule.kind() == FieldKind.EMAIL && f == firstEmail) {
      if (v == null) {
        p.emailKind = PreparedRecord.NO_EMAIL;
        p.workDomain = null;
      } else {
        boolean personal = Normalization.freeMail(v);
        p.emailKind = personal ? PreparedRecord.PERSONAL_EMAIL : PreparedRecord.WORK_EMAIL;
        p.workDomain = personal ? null : v.substring(v.lastIndexOf('@') + 1);
      }
    }
    p.derived[f] = null;
    p.number[f] = Double.NaN;
    p.mask[f] = 0;
    p.tokens[f] = null;
    p.tokenWeights[f] = null;
    if (v == null) {
      return;
    }
    ComparatorType c = rule.comparator();
    if (c == ComparatorType.JARO_WINKLER || c == ComparatorType.PHONETIC || c == ComparatorType.NAME) {
      p.mask[f] = Similarity.charMask(v);
    }
    switch (rule.comparator()) {
      case PHONETIC:
        p.derived[f] = Phonetic.codes(v, Phonetic.DEDUPE_MAX_LENGTH);
        break;
      case NAME:
        p.derived[f] = Nicknames.formalSet(v);
        break;
      case ORG_NAME:
        p.tokens[f] = Similarity.tokens(v);
        break;
      case DATE:
        p.number[f] = epochDay(v);
        break;
      case NUMBER: {
        Number n = Values.asNumber(v);
        p.number[f] = n == null ? Double.NaN : n.doubleValue();
        break;
      }
      default:
        break;
    }
  }

  static double epochDay(String yyyymmdd) {
    if (yyyymmdd.length() != 8) {
      return Double.NaN;
    }
    try {
      int y = Integer.parseInt(yyyymmdd.substring(0, 4));
      int m = Integer.parseInt(yyyymmdd.substring(4, 6));
      int d = Integer.parseInt(yyyymmdd.substring(6, 8));
      return LocalDate.of(y, m, d).toEpochDay();
    } catch (NumberFormatException | DateTimeException e) {
      return Double.NaN;
    }
  }

  /** Returns the agreement level of field {@code f}, or {@link #MISSING}. */
  int level(int f, PreparedRecord a, PreparedRecord b) {
    String x = a.norm[f];
    String y = b.norm[f];
    if (x == null || y == null) {
      return MISSING;
    }
    int top = levelCount[f] - 1;
    if (x.equals(y)) {
      return top;
    }
    if (rules[f].kind() == FieldKind.EMAIL && numberedAliases(x, y)) {
      return 0;
    }
    double[] t = thresholds[f];
    int k = t.length;
    switch (rules[f].comparator()) {
      case EXACT:
        return 0;
      case JARO_WINKLER:
        return jaroWinklerLevel(t, x, a.mask[f], y, b.mask[f]);
      case QGRAM:
        return similarityLevel(t, Similarity.qgramDice(x, y));
      case TOKEN_SET:
        return similarityLevel(t, Similarity.tokenSet(x, y));
      case ORG_NAME: {
        String[] tx = a.tokens[f];
        String[] ty = b.tokens[f];
        return tx == null || ty == null ? 0
            : similarityLevel(t, OrgNames.similarity(tx, a.tokenWeights[f], ty, b.tokenWeights[f]));
      }
      case PHONETIC: {
        String dx = a.derived[f];
        String dy = b.derived[f];
        if (dx != null && dy != null && Phonetic.sameSound(dx, dy)) {
          return k + 1;
        }
        return jaroWinklerLevel(t, x, a.mask[f], y, b.mask[f]);
      }
      case NAME: {
        String dx = a.derived[f];
        String dy = b.derived[f];
        if (dx != null && dy != null && Nicknames.compatible(dx, dy)) {
          return k + 1;
        }
        return jaroWinklerLevel(t, x, a.mask[f], y, b.mask[f]);
      }
      case LEVENSHTEIN:
        return distanceLevel(t, Similarity.levenshtein(x, y, maxEdits[f]));
      case DAMERAU_LEVENSHTEIN:
        return distanceLevel(t, Similarity.damerauLevenshtein(x, y, maxEdits[f]));
      case DATE: {
        if (dateTypo(x, y)) {
          return k + 1;
        }
        double dx = a.number[f];
        double dy = b.number[f];
        if (k == 0 || Double.isNaN(dx) || Double.isNaN(dy)) {
          return 0;
        }
        return distanceLevel(t, Math.abs(dx - dy));
      }
      case NUMBER: {
        double dx = a.number[f];
        double dy = b.number[f];
        if (Double.isNaN(dx) || Double.isNaN(dy)) {
          return 0;
        }
        double diff = Math.abs(dx - dy);
        return diff == 0 ? top : distanceLevel(t, diff);
      }
      default:
        return 0;
    }
  }

  /** The Jaro-Winkler level of two unequal values; the cheap upper bound settles most unrelated pairs. */
  private static int jaroWinklerLevel(double[] t, String x, long mx, String y, long my) {
    if (t.length == 0 || Similarity.jaroWinklerUpperBound(x, mx, y, my) + 1e-9 < t[t.length - 1]) {
      return 0;
    }
    return similarityLevel(t, Similarity.jaroWinkler(x, y));
  }

  private static int similarityLevel(double[] t, double s) {
    for (int i = 0; i < t.length; i++) {
      if (s >= t[i]) {
        return t.length - i;
      }
    }
    return 0;
  }

  private static int distanceLevel(double[] t, double d) {
    for (int i = 0; i < t.length; i++) {
      if (d <= t[i]) {
        return t.length - i;
      }
    }
    return 0;
  }

  static boolean dateTypo(String x, String y) {
    if (x.length() != 8 || y.length() != 8) {
      return Similarity.damerauLevenshtein(x, y, 1) <= 1;
    }
    if (x.regionMatches(0, y, 0, 4) && x.regionMatches(4, y, 6, 2) && x.regionMatches(6, y, 4, 2)) {
      return true;
    }
    return Similarity.damerauLevenshtein(x, y, 1) <= 1;
  }

  /**
   * Whether two different emails are numbered aliases of one scheme ({@code jamesg2@acme.com} and
   * {@code jamesg3@acme.com}, {@code smueller@x.de} and {@code smueller2@x.de}): the same domain
   * and name, and at most one digit after the name on either side. Companies number the aliases of namesakes, so these are different people, not
   * a typo; the pair gets the lowest level.
   */
  static boolean numberedAliases(String x, String y) {
    int ax = x.indexOf('@');
    int ay = y.indexOf('@');
    if (x.equals(y) || ax < 1 || ay < 1 || !x.substring(ax).equals(y.substring(ay))) {
      return false;
    }
    int dx = ax;
    while (dx > 0 && Character.isDigit(x.charAt(dx - 1))) {
      dx--;
    }
    int dy = ay;
    while (dy > 0 && Character.isDigit(y.charAt(dy - 1))) {
      dy--;
    }
    // The same name, then at most one alias digit each (jamesg2 / jamesg3, smueller / smueller2):
    // a longer number (a year, j.lee86 / j.lee68) may be a typo.
    return dx > 0 && x.substring(0, dx).equals(y.substring(0, dy)) && ax - dx <= 1 && ay - dy <= 1;
  }

  /** Returns the comparison pattern of two records: 4 bits per field, {@link #MISSING} for missing. */
  long pattern(PreparedRecord a, PreparedRecord b) {
    long p = 0;
    for (int f = 0; f < rules.length; f++) {
      p |= ((long) level(f, a, b)) << (4 * f);
    }
    return p;
  }

  static int levelOf(long pattern, int f) {
    return (int) (pattern >>> (4 * f)) & 0xF;
  }

  /** Returns the record's key in blocking pass {@code k}, or null when a part is missing. */
  @Nullable String blockingKey(int k, PreparedRecord r) {
    List<BlockingKey.Part> parts = config.blockingKeys().get(k).parts();
    int[] fields = keyFields[k];
    if (parts.size() == 1) {
      return part(parts.get(0), r, fields[0]);
    }
    StringBuilder b = new StringBuilder(32);
    for (int p = 0; p < parts.size(); p++) {
      String v = part(parts.get(p), r, fields[p]);
      if (v == null) {
        return null;
      }
      if (p > 0) {
        b.append('\u001f');
      }
      b.append(v);
    }
    return b.toString();
  }

  /**
   * Returns one part of a blocking key for a record ({@code f} is the part's field index), or null
   * when it is missing or empty; {@link #blockingKey} joins the parts with U+001F.
   */
  @Nullable String part(BlockingKey.Part part, PreparedRecord r, int f) {
    String v = r.norm[f];
    if (v == null) {
      return null;
    }
    String out;
    switch (part.function()) {
      case PHONETIC: {
        String codes = r.derived[f];
        int length = part.length() == 0 ? Phonetic.DEDUPE_MAX_LENGTH : part.length();
        out = rules[f].comparator() == ComparatorType.PHONETIC && codes != null && length == Phonetic.DEDUPE_MAX_LENGTH
            ? Phonetic.primaryOf(codes)
            : Phonetic.primary(v, length);
        break;
      }
      case NICKNAME:
        String formal = rules[f].comparator() == ComparatorType.NAME ? r.derived[f] : null;
        out = Nicknames.first(formal != null ? formal : Nicknames.formalSet(v));
        break;
      case PREFIX:
        out = v.length() <= part.length() ? v : v.substring(0, part.length());
        break;
      case SUFFIX:
        out = v.length() <= part.length() ? v : v.substring(v.length() - part.length());
        break;
      case YEAR:
        out = v.length() >= 4 ? v.substring(0, 4) : null;
        break;
      case FIRST_TOKEN: {
        int sp = v.indexOf(' ');
        out = sp < 0 ? v : v.substring(0, sp);
        break;
      }
      case LAST_TOKEN: {
        int sp = v.lastIndexOf(' ');
        out = sp < 0 ? v : v.substring(sp + 1);
        break;
      }
      case SORTED_TOKENS:
        out = String.join(" ", Similarity.tokens(v));
        break;
      case VALUE:
      default:
        out = v;
        break;
    }
    return out == null || out.isEmpty() ? null : out;
  }
}

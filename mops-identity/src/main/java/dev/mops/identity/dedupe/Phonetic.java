package dev.mops.identity.dedupe;

/**
 * Lawrence Philips' Double Metaphone (2000): a primary and an alternate phonetic code of a name,
 * for names already folded to lower-case ASCII by {@link Normalization}.
 *
 * <p>The full rule set of Philips' original is applied: the silent initial pairs GN, KN, PN, WR and
 * PS; initial X as S; vowels coded (as A) only at the start; the C rules (CAESAR, Italian CHIA,
 * Greek and Germanic CH, MC, CC, CK/CG/CQ, CI/CE/CY, CZ, CIA); the G rules (GH after consonants, at
 * the start and Parker's rule, GN, Italian GLI, GER/GY, initial GE/GI and friends, Italian GGI,
 * French -GIER); Spanish J (JOSE, SAN ...), Spanish -LL-, -UMB, French final -IER R and -AIS/-OIS
 * S, the S rules (ISL/YSL, SUGAR, SH and its Germanic exceptions, SIO/SIA, Anglicised SM/SN/SL/SW
 * and SZ, SCH and SC), TION/TIA/TCH/TH, the W rules (initial W as A or F, final W, Polish
 * -EWSKI/-OWSKI, WICZ/WITZ), French final X, Chinese ZH and Slavo-Germanic Z; and the
 * Slavo-Germanic test (the word contains W, K or CZ) that switches several of these off. The
 * codes use the letters {@code A F H J K L M N P R S T X} and {@code 0} (zero, for TH).
 *
 * <p>Input. Letters {@code a-z}, {@code ç} and {@code ñ} are coded (upper-case ASCII, {@code Ç} and
 * {@code Ñ} are folded to lower case first); a run of spaces between letters is one word break,
 * which Philips' rules read ({@code van }, {@code san }, {@code mac caffrey}, end of word); every
 * other character is skipped. Dedupe values reach this class through {@link Normalization#fold},
 * which removes accents, so there {@code ç} and {@code ñ} have already become {@code c} and
 * {@code n} and only {@link StringSimilarity#doubleMetaphone} callers can pass them; letters fold
 * keeps but that have no ASCII base ({@code ß}, {@code ø}, {@code ł}) are skipped.
 *
 * <p>Codes are cut to a maximum length, {@value #DEFAULT_MAX_LENGTH} by default as in Philips'
 * original. The alternate code equals the primary code when no rule gave an alternative.
 *
 * <p>Apache commons-codec's {@code DoubleMetaphone} is the test oracle ({@code DoubleMetaphoneTest}
 * compares every name of the shared data sets and seeded random strings). It differs from
 * Philips' original, which this class follows, in three places:
 *
 * <ul>
 *   <li>a word starting with {@code WICZ} or {@code WITZ}: after an initial W before a vowel
 *       ({@code A}, alternate {@code F}) the original goes on to the WICZ/WITZ rule ({@code TS},
 *       alternate {@code FX}); commons-codec stops after the initial W ({@code witzel}: here
 *       {@code ATSL}/{@code FFXL}, commons-codec {@code ATSL}/{@code FTSL});
 *   <li>G before {@code IER}: the original codes it J only when {@code IER} ends the word (French
 *       {@code -gier}), commons-codec wherever {@code IER} follows ({@code angiero}: here
 *       {@code ANJR}/{@code ANKR}, commons-codec {@code ANJR}/{@code ANJR});
 *   <li>a final J that is not the first letter (nor in {@code jose} or after {@code san}): the
 *       original codes J in the primary code and nothing in the alternate; commons-codec puts a
 *       space in the alternate ({@code raj}: here {@code RJ}/{@code R}, commons-codec
 *       {@code RJ}/{@code "R "}); 9 of the 3,406 names in {@code shared/data}.
 * </ul>
 *
 * <p>Thread safety: stateless; safe to call from any thread.
 */
final class Phonetic {

  /** The default maximum code length, Philips' 4. */
  static final int DEFAULT_MAX_LENGTH = 4;

  /**
   * The code length dedupe uses for the {@code phonetic} comparator and blocking function (and
   * {@link StringSimilarity#phoneticKey}).
   */
  static final int DEDUPE_MAX_LENGTH = 4;

  /** Separates the primary and the alternate code in a {@link #codes combined code}. */
  static final char SEPARATOR = ' ';

  private Phonetic() {}

  /** Returns the primary and alternate code of {@code text}, each at most {@code maxLength} long. */
  static PhoneticCodes encode(String text, int maxLength) {
    Encoder e = run(text, maxLength);
    String p = e.primary();
    return new PhoneticCodes(p, e.alternateEqualsPrimary() ? p : e.alternate());
  }

  /** Returns the primary code of {@code text}, at most {@code maxLength} long. */
  static String primary(String text, int maxLength) {
    return run(text, maxLength).primary();
  }

  /**
   * Returns both codes in one string: the primary code alone when the alternate is the same,
   * else primary, {@link #SEPARATOR}, alternate. This is what dedupe keeps per prepared value.
   */
  static String codes(String text, int maxLength) {
    Encoder e = run(text, maxLength);
    return e.alternateEqualsPrimary() ? e.primary() : e.primary() + SEPARATOR + e.alternate();
  }

  /** Returns the primary code of a {@link #codes combined code}. */
  static String primaryOf(String codes) {
    int s = codes.indexOf(SEPARATOR);
    return s < 0 ? codes : codes.substring(0, s);
  }

  /**
   * Returns whether two {@link #codes combined codes} sound alike: a non-empty code of one equals
   * a code of the other (primary and primary, primary and alternate, or alternate and alternate).
   * Allocation-free.
   */
  static boolean sameSound(String a, String b) {
    int sa = a.indexOf(SEPARATOR);
    int sb = b.indexOf(SEPARATOR);
    int pa = sa < 0 ? a.length() : sa;
    int pb = sb < 0 ? b.length() : sb;
    // the alternate code is [altStart, length); without a separator it is the primary code
    int aa = sa < 0 ? 0 : sa + 1;
    int ab = sb < 0 ? 0 : sb + 1;
    return same(a, 0, pa, b, 0, pb)
        || same(a, 0, pa, b, ab, b.length())
        || same(a, aa, a.length(), b, 0, pb)
        || same(a, aa, a.length(), b, ab, b.length());
  }

  private static boolean same(String a, int fromA, int toA, String b, int fromB, int toB) {
    int len = toA - fromA;
    return len > 0 && len == toB - fromB && a.regionMatches(fromA, b, fromB, len);
  }

  private static Encoder run(String text, int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength " + maxLength + " must be >= 1");
    }
    char[] w = new char[text.length()];
    int n = 0;
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      } else if (c == 'Ç') {
        c = 'ç';
      } else if (c == 'Ñ') {
        c = 'ñ';
      }
      if ((c >= 'a' && c <= 'z') || c == 'ç' || c == 'ñ') {
        if (gap && n > 0) {
          w[n++] = ' ';
        }
        gap = false;
        w[n++] = c;
      } else if (c == ' ') {
        gap = true;
      }
    }
    Encoder e = new Encoder(w, n, maxLength);
    e.encode();
    return e;
  }

  /**
   * The state of one encoding: the cleaned word, the facts about it the rules read, and the two
   * codes being built.
   *
   * <p>Thread safety: mutable; confined to the one call that made it.
   */
  private static final class Encoder {
    private final char[] w;
    private final int n;
    private final int last;
    private final int max;
    private final char[] p;
    private final char[] a;
    private int pn;
    private int an;
    private final boolean slavoGermanic;
    /** Starts with "van " or "von " (or is that word) or with "sch": Germanic hard CH, G, TH. */
    private final boolean germanic;

    Encoder(char[] w, int n, int max) {
      this.w = w;
      this.n = n;
      this.last = n - 1;
      this.max = max;
      int room = (int) Math.min(max, 2L * n + 2);
      this.p = new char[room];
      this.a = new char[room];
      boolean sg = false;
      for (int i = 0; i < n && !sg; i++) {
        sg = w[i] == 'w' || w[i] == 'k' || (w[i] == 'c' && i + 1 < n && w[i + 1] == 'z');
      }
      this.slavoGermanic = sg;
      this.germanic = ((is(0, "van") || is(0, "von")) && boundary(3)) || is(0, "sch");
    }

    String primary() {
      return new String(p, 0, pn);
    }

    String alternate() {
      return new String(a, 0, an);
    }

    boolean alternateEqualsPrimary() {
      if (pn != an) {
        return false;
      }
      for (int i = 0; i < pn; i++) {
        if (p[i] != a[i]) {
          return false;
        }
      }
      return true;
    }

    // ---- reading the word ----

    /** The character at {@code i}, or NUL outside the word. */
    private char at(int i) {
      return i >= 0 && i < n ? w[i] : '\0';
    }

    /** Whether {@code s} occurs at {@code i}; false when it would start before the word or run past it. */
    private boolean is(int i, String s) {
      if (i < 0 || i + s.length() > n) {
        return false;
      }
      for (int k = 0; k < s.length(); k++) {
        if (w[i + k] != s.charAt(k)) {
          return false;
        }
      }
      return true;
    }

    /** Whether {@code i} is past the end of the word or a word break (Philips' padding space). */
    private boolean boundary(int i) {
      return i >= n || w[i] == ' ';
    }

    private boolean vowel(int i) {
      char c = at(i);
      return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    private static boolean oneOf(char c, String set) {
      return c != '\0' && set.indexOf(c) >= 0;
    }

    // ---- writing the codes ----

    private void toPrimary(char c) {
      if (pn < max) {
        p[pn++] = c;
      }
    }

    private void toAlternate(char c) {
      if (an < max) {
        a[an++] = c;
      }
    }

    private void both(char c) {
      toPrimary(c);
      toAlternate(c);
    }

    private void both(char c1, char c2) {
      both(c1);
      both(c2);
    }

    /** Appends {@code primary} to the primary code and {@code alternate} to the alternate code. */
    private void split(String primary, String alternate) {
      for (int k = 0; k < primary.length(); k++) {
        toPrimary(primary.charAt(k));
      }
      for (int k = 0; k < alternate.length(); k++) {
        toAlternate(alternate.charAt(k));
      }
    }

    // ---- the rules ----

    void encode() {
      if (n == 0) {
        return;
      }
      int i = 0;
      if (is(0, "gn") || is(0, "kn") || is(0, "pn") || is(0, "wr") || is(0, "ps")) {
        i = 1;
      }
      if (w[0] == 'x') {
        both('S');
        i = 1;
      }
      while ((pn < max || an < max) && i < n) {
        i = next(i);
      }
    }

    /** Codes the letter at {@code i} and returns the position of the next letter to code. */
    private int next(int i) {
      switch (w[i]) {
        case 'a':
        case 'e':
        case 'i':
        case 'o':
        case 'u':
        case 'y':
          if (i == 0) {
            both('A');
          }
          return i + 1;
        case 'b':
          both('P');
          return skipDouble(i, 'b');
        case 'ç':
          both('S');
          return i + 1;
        case 'c':
          return c(i);
        case 'd':
          return d(i);
        case 'f':
          both('F');
          return skipDouble(i, 'f');
        case 'g':
          return g(i);
        case 'h':
          if ((i == 0 || vowel(i - 1)) && vowel(i + 1)) {
            both('H');
            return i + 2;
          }
          return i + 1;
        case 'j':
          return j(i);
        case 'k':
          both('K');
          return skipDouble(i, 'k');
        case 'l':
          return l(i);
        case 'm':
          return m(i);
        case 'n':
          both('N');
          return skipDouble(i, 'n');
        case 'ñ':
          both('N');
          return i + 1;
        case 'p':
          if (at(i + 1) == 'h') {
            both('F');
            return i + 2;
          }
          both('P');
          return at(i + 1) == 'p' || at(i + 1) == 'b' ? i + 2 : i + 1;
        case 'q':
          both('K');
          return skipDouble(i, 'q');
        case 'r':
          return r(i);
        case 's':
          return s(i);
        case 't':
          return t(i);
        case 'v':
          both('F');
          return skipDouble(i, 'v');
        case 'w':
          return w(i);
        case 'x':
          return x(i);
        case 'z':
          return z(i);
        default:
          return i + 1;
      }
    }

    private int skipDouble(int i, char c) {
      return at(i + 1) == c ? i + 2 : i + 1;
    }

    private int c(int i) {
      // Germanic -ACH- as in 'bacher', 'macher', but not -ACHI-, -ACHE-
      if (i > 1 && !vowel(i - 2) && is(i - 1, "ach")) {
        char after = at(i + 2);
        if (after != 'i' && (after != 'e' || is(i - 2, "bacher") || is(i - 2, "macher"))) {
          both('K');
          return i + 2;
        }
      }
      if (i == 0 && is(0, "caesar")) {
        both('S');
        return i + 2;
      }
      if (is(i, "chia")) { // Italian 'chianti'
        both('K');
        return i + 2;
      }
      char next = at(i + 1);
      if (next == 'h') {
        ch(i);
        return i + 2;
      }
      if (next == 'z' && !is(i - 2, "wicz")) { // 'czerny'
        split("S", "X");
        return i + 2;
      }
      if (is(i + 1, "cia")) { // 'focaccia'
        both('X');
        return i + 3;
      }
      if (next == 'c' && !(i == 1 && w[0] == 'm')) { // not 'mcclellan'
        char third = at(i + 2);
        if ((third == 'i' || third == 'e' || third == 'h') && !is(i + 2, "hu")) {
          if ((i == 1 && w[0] == 'a') || is(i - 1, "uccee") || is(i - 1, "ucces")) {
            both('K', 'S'); // 'accident', 'succeed'
          } else {
            both('X'); // Italian 'bacci', 'bertucci'
          }
          return i + 3;
        }
        both('K'); // Pierce's rule, 'bacchus'
        return i + 2;
      }
      if (next == 'k' || next == 'g' || next == 'q') {
        both('K');
        return i + 2;
      }
      if (next == 'i' || next == 'e' || next == 'y') {
        if (is(i, "cio") || is(i, "cie") || is(i, "cia")) {
          split("S", "X"); // Italian against English
        } else {
          both('S');
        }
        return i + 2;
      }
      both('K');
      if (next == ' ' && oneOf(at(i + 2), "cqg")) { // 'mac caffrey', 'mac gregor'
        return i + 3;
      }
      if (oneOf(next, "ckq") && !is(i + 1, "ce") && !is(i + 1, "ci")) {
        return i + 2;
      }
      return i + 1;
    }

    private void ch(int i) {
      if (i > 0 && is(i, "chae")) { // 'michael'
        split("K", "X");
        return;
      }
      if (i == 0
          && (is(1, "harac") || is(1, "haris") || is(1, "hor") || is(1, "hym") || is(1, "hia")
              || is(1, "hem"))
          && !is(0, "chore")) { // Greek 'chemistry', 'chorus'
        both('K');
        return;
      }
      char after = at(i + 2);
      boolean kh = germanic
          || is(i - 2, "orches") || is(i - 2, "archit") || is(i - 2, "orchid")
          || after == 't' || after == 's'
          // 'wachtler', 'wechsler', but not 'tichner'
          || ((i == 0 || oneOf(at(i - 1), "aoue")) && (boundary(i + 2) || oneOf(after, "lrnmbhfvw")));
      if (kh) {
        both('K');
      } else if (i == 0) {
        both('X');
      } else if (is(0, "mc")) { // 'mchugh'
        both('K');
      } else {
        split("X", "K");
      }
    }

    private int d(int i) {
      if (at(i + 1) == 'g') {
        if (oneOf(at(i + 2), "iey")) { // 'edge'
          both('J');
          return i + 3;
        }
        both('T', 'K'); // 'edgar'
        return i + 2;
      }
      both('T');
      return at(i + 1) == 't' || at(i + 1) == 'd' ? i + 2 : i + 1;
    }

    private int g(int i) {
      char next = at(i + 1);
      if (next == 'h') {
        gh(i);
        return i + 2;
      }
      if (next == 'n') {
        if (i == 1 && vowel(0) && !slavoGermanic) {
          split("KN", "N");
        } else if (!is(i + 2, "ey") && !slavoGermanic) { // not 'cagney'
          split("N", "KN");
        } else {
          both('K', 'N');
        }
        return i + 2;
      }
      if (is(i + 1, "li") && !slavoGermanic) { // 'tagliaro'
        split("KL", "L");
        return i + 2;
      }
      if (i == 0 && (next == 'y' || initialGe())) { // -ges-, -gep-, -gel-, -gie- at the start
        split("K", "J");
        return i + 2;
      }
      if ((is(i + 1, "er") || next == 'y')
          && !is(0, "danger") && !is(0, "ranger") && !is(0, "manger")
          && !oneOf(at(i - 1), "ei")
          && !is(i - 1, "rgy") && !is(i - 1, "ogy")) { // -ger-, -gy-
        split("K", "J");
        return i + 2;
      }
      if (oneOf(next, "eiy") || is(i - 1, "aggi") || is(i - 1, "oggi")) { // Italian 'biaggi'
        if (germanic || is(i + 1, "et")) {
          both('K');
        } else if (is(i + 1, "ier") && boundary(i + 4)) { // French '-gier'
          both('J');
        } else {
          split("J", "K");
        }
        return i + 2;
      }
      both('K');
      return next == 'g' ? i + 2 : i + 1;
    }

    private boolean initialGe() {
      return is(1, "es") || is(1, "ep") || is(1, "eb") || is(1, "el") || is(1, "ey") || is(1, "ib")
          || is(1, "il") || is(1, "in") || is(1, "ie") || is(1, "ei") || is(1, "er");
    }

    private void gh(int i) {
      if (i > 0 && !vowel(i - 1)) {
        both('K');
        return;
      }
      if (i == 0) { // 'ghislane', 'ghiradelli'
        both(at(2) == 'i' ? 'J' : 'K');
        return;
      }
      // Parker's rule: silent in 'hugh', 'bough', 'broughton'
      if ((i > 1 && oneOf(at(i - 2), "bhd"))
          || (i > 2 && oneOf(at(i - 3), "bhd"))
          || (i > 3 && oneOf(at(i - 4), "bh"))) {
        return;
      }
      if (i > 2 && at(i - 1) == 'u' && oneOf(at(i - 3), "cglrt")) { // 'laugh', 'cough', 'tough'
        both('F');
      } else if (at(i - 1) != 'i') {
        both('K');
      }
    }

    private int j(int i) {
      boolean san = is(0, "san") && boundary(3);
      if (is(i, "jose") || san) { // Spanish 'jose', 'san jacinto'
        if ((i == 0 && boundary(i + 4)) || san) {
          both('H');
        } else {
          split("J", "H");
        }
        return i + 1;
      }
      if (i == 0) {
        split("J", "A"); // 'jankelowicz' against 'yankelovich'
      } else if (vowel(i - 1) && !slavoGermanic && (at(i + 1) == 'a' || at(i + 1) == 'o')) {
        split("J", "H"); // Spanish 'bajador'
      } else if (i == last) {
        toPrimary('J');
      } else if (!oneOf(at(i + 1), "ltksnmbz") && !oneOf(at(i - 1), "skl")) {
        both('J');
      }
      return skipDouble(i, 'j');
    }

    private int l(int i) {
      if (at(i + 1) != 'l') {
        both('L');
        return i + 1;
      }
      boolean spanish = (i == n - 3 && (is(i - 1, "illo") || is(i - 1, "illa") || is(i - 1, "alle")))
          || ((is(last - 1, "as") || is(last - 1, "os") || oneOf(at(last), "ao")) && is(i - 1, "alle"));
      if (spanish) { // 'cabrillo', 'gallegos'
        toPrimary('L');
      } else {
        both('L');
      }
      return i + 2;
    }

    private int m(int i) {
      both('M');
      boolean silentB = is(i - 1, "umb") && (i + 1 == last || is(i + 2, "er")); // 'dumb', 'thumb'
      return silentB || at(i + 1) == 'm' ? i + 2 : i + 1;
    }

    private int r(int i) {
      if (i == last && !slavoGermanic && is(i - 2, "ie") && !is(i - 4, "me") && !is(i - 4, "ma")) {
        toAlternate('R'); // French 'rogier', but not 'hochmeier'
      } else {
        both('R');
      }
      return skipDouble(i, 'r');
    }

    private int s(int i) {
      if (is(i - 1, "isl") || is(i - 1, "ysl")) { // 'island', 'carlisle', 'carlysle'
        return i + 1;
      }
      if (i == 0 && is(0, "sugar")) {
        split("X", "S");
        return i + 1;
      }
      char next = at(i + 1);
      if (next == 'h') {
        if (is(i + 1, "heim") || is(i + 1, "hoek") || is(i + 1, "holm") || is(i + 1, "holz")) {
          both('S'); // Germanic
        } else {
          both('X');
        }
        return i + 2;
      }
      if (is(i, "sio") || is(i, "sia")) { // Italian and Armenian
        if (slavoGermanic) {
          both('S');
        } else {
          split("S", "X");
        }
        return i + 3;
      }
      if ((i == 0 && oneOf(next, "mnlw")) || next == 'z') {
        split("S", "X"); // 'smith' against 'schmidt', 'snider' against 'schneider'; Slavic -sz-
        return next == 'z' ? i + 2 : i + 1;
      }
      if (next == 'c') {
        sc(i);
        return i + 3;
      }
      if (i == last && (is(i - 2, "ai") || is(i - 2, "oi"))) { // French 'resnais', 'artois'
        toAlternate('S');
      } else {
        both('S');
      }
      return next == 's' || next == 'z' ? i + 2 : i + 1;
    }

    private void sc(int i) {
      char third = at(i + 2);
      if (third == 'h') { // Schlesinger's rule
        if (is(i + 3, "oo") || is(i + 3, "er") || is(i + 3, "en") || is(i + 3, "uy") || is(i + 3, "ed")
            || is(i + 3, "em")) { // Dutch 'school', 'schooner'
          if (is(i + 3, "er") || is(i + 3, "en")) { // 'schermerhorn', 'schenker'
            split("X", "SK");
          } else {
            both('S', 'K');
          }
        } else if (i == 0 && !vowel(3) && at(3) != 'w') {
          split("X", "S");
        } else {
          both('X');
        }
      } else if (oneOf(third, "iey")) {
        both('S');
      } else {
        both('S', 'K');
      }
    }

    private int t(int i) {
      if (is(i, "tion") || is(i, "tia") || is(i, "tch")) {
        both('X');
        return i + 3;
      }
      if (at(i + 1) == 'h' || is(i, "tth")) {
        if (is(i + 2, "om") || is(i + 2, "am") || germanic) { // 'thomas', 'thames', Germanic
          both('T');
        } else {
          split("0", "T");
        }
        return i + 2;
      }
      both('T');
      return at(i + 1) == 't' || at(i + 1) == 'd' ? i + 2 : i + 1;
    }

    private int w(int i) {
      if (at(i + 1) == 'r') {
        both('R');
        return i + 2;
      }
      if (i == 0 && (vowel(1) || at(1) == 'h')) {
        if (vowel(1)) {
          split("A", "F"); // 'wasserman' against 'vasserman'
        } else {
          both('A'); // 'womo' against 'uomo'
        }
        // no return: Philips' original reads on (WICZ/WITZ below)
      }
      if ((i == last && vowel(i - 1))
          || is(i - 1, "ewski") || is(i - 1, "ewsky") || is(i - 1, "owski") || is(i - 1, "owsky")
          || is(0, "sch")) { // 'arnow' against 'arnoff'
        toAlternate('F');
        return i + 1;
      }
      if (is(i, "wicz") || is(i, "witz")) { // Polish 'filipowicz'
        split("TS", "FX");
        return i + 4;
      }
      return i + 1;
    }

    private int x(int i) {
      boolean frenchFinal = i == last
          && (is(i - 3, "iau") || is(i - 3, "eau") || is(i - 2, "au") || is(i - 2, "ou"));
      if (!frenchFinal) { // 'breaux' is silent
        both('K', 'S');
      }
      return at(i + 1) == 'c' || at(i + 1) == 'x' ? i + 2 : i + 1;
    }

    private int z(int i) {
      if (at(i + 1) == 'h') { // Chinese pinyin 'zhao'
        both('J');
        return i + 2;
      }
      if (is(i + 1, "zo") || is(i + 1, "zi") || is(i + 1, "za")
          || (slavoGermanic && i > 0 && at(i - 1) != 't')) {
        split("S", "TS");
      } else {
        both('S');
      }
      return skipDouble(i, 'z');
    }
  }
}

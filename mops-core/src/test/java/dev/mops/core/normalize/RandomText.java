package dev.mops.core.normalize;

import java.util.SplittableRandom;

/**
 * Seeded generators of hostile and plausible strings for the normalizer laws. The master seed
 * comes from the system property {@code mops.test.seed} when set (to replay a failure), else from the
 * clock; tests print it and put it in their display names.
 */
final class RandomText {

  // A fixed default keeps every build reproducible; pass -Dmops.test.seed=N to explore other inputs.
  static final long MASTER_SEED = Long.getLong("mops.test.seed", 20261122L);

  static {
    System.out.println("RandomText master seed: -Dmops.test.seed=" + MASTER_SEED);
  }

  private static final String[] PIECES = {
    "a", "B", "z", "Z", "é", "É", "ß", "ø", "Æ", "œ", "ł", "İ", "ı", "ŉ", "ǅ", "ﬁ", "Å", "ñ", "ü",
    "α", "Σ", "ς", "ΐ", "ж", "Ж", "中", "日本", "한", "ア", "ि", "ก", "ا", "ה",
    "0", "7", "٣", "½", "²", "Ⅷ", "①",
    " ", "  ", "\t", "\u00A0", "\u2003", "\u200B", "\u200D", "\u00AD", "\uFEFF", "\n",
    ".", "..", ",", "-", "_", "+", "@", "@@", "'", "\u2019", "\"", "(", ")", "<", ">", "[", "]",
    ":", ";", "/", "\\", "&", "＆", "#", "%", "!", "?", "=", "{", "}", "~", "`", "|", "$", "*",
    "\u0301", "\u0308", "\u0327", "\uD83D\uDE00", "\uD83C\uDDFA\uD83C\uDDF8", "\uD800", "\uDFFF",
    "Ａ", "＠", "．", "。", "ｃｏｍ",
    "www.", "http://", "https://", "mailto:", ".com", ".co.uk", "xn--", "gmail.com", "Inc", "Ltd",
    "GmbH", "S.A.", "Co.", "the ", "The ", "Dr. ", "Jr.", "III", "van ", "de la ", "O'", "Mc",
    "VP ", "Sr. ", "CMO", "Head of ", "USA", "U.S.", "UK", "+1", "(650)", "253-0000", "ext. 5",
  };

  private RandomText() {}

  /** A string of 0 to {@code maxPieces} random pieces. */
  static String hostile(SplittableRandom random, int maxPieces) {
    int n = random.nextInt(maxPieces + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (random.nextInt(8) == 0) {
        sb.appendCodePoint(random.nextInt(0x30000)); // any code point, unassigned ones included
      } else {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
    }
    return sb.toString();
  }

  private static final String[] LOCALS = {
    "john", "Jane.Doe", "j.o.h.n", "info", "sales+emea", "o'brien", "x", "user%a", "a_b",
    "\"john smith\"", "\"a\"", "jöhn", "用户", "no-reply", "first.last+tag",
  };
  private static final String[] DOMAINS = {
    "acme.com", "GMAIL.com", "googlemail.com", "outlook.com", "münchen.de", "例子.中国",
    "mailinator.com", "x.mailinator.com", "acme.co.uk", "[192.0.2.1]", "localhost", "a.b",
    "sub.acme.io", "acme.com.", "-bad.com", "xn--mnchen-3ya.de",
  };

  /** A plausible email address, sometimes decorated or broken. */
  static String email(SplittableRandom random) {
    String local = LOCALS[random.nextInt(LOCALS.length)];
    String domain = DOMAINS[random.nextInt(DOMAINS.length)];
    String s = local + "@" + domain;
    switch (random.nextInt(6)) {
      case 0:
        return "  " + s.toUpperCase(java.util.Locale.ROOT) + " ";
      case 1:
        return "Name <" + s + ">";
      case 2:
        return "mailto:" + s;
      case 3:
        return s + hostile(random, 2);
      default:
        return s;
    }
  }
}

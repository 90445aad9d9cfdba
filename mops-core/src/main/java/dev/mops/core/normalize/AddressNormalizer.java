package dev.mops.core.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A normalizer of street addresses to a match key, so that {@code "200 North Main Street, Suite
 * 5"} and {@code "200 N. Main St. #5"} compare equal.
 *
 * <p>The key is built from the address's words as {@link TextFolding#foldedWords} gives them (case
 * and accents folded, {@code ß} to {@code ss}, punctuation separating words, periods and
 * apostrophes inside a word dropped, {@code &} read as {@code and}), then word by word:
 *
 * <ul>
 *   <li><b>Street types</b> to their USPS or usual short form: {@code street}/{@code str} to
 *       {@code st}, {@code avenue}/{@code av}/{@code avenida} to {@code ave}, {@code road} to
 *       {@code rd}, {@code boulevard}/{@code bd} to {@code blvd}, {@code drive}, {@code lane},
 *       {@code place}, {@code court}, {@code crescent}, {@code terrace}, {@code highway}, {@code
 *       parkway}, {@code square}, {@code circle}, {@code plaza}, {@code expressway}, {@code
 *       freeway}, {@code route}, {@code mount}, {@code centre}/{@code center}.
 *   <li><b>European street words</b>: German {@code strasse} and Dutch {@code straat} to {@code
 *       str}, also at the end of a compound ({@code Hauptstraße} and {@code Hauptstr.} both give
 *       {@code hauptstr}); French and Italian {@code rue}, {@code via}, {@code viale} are kept;
 *       {@code piazza}/{@code pza} to {@code piazza}, {@code platz}/{@code pl} to {@code pl}.
 *   <li><b>Directions</b>: {@code north} to {@code n}, {@code northeast} to {@code ne}, ... and
 *       the same in German, French and Dutch where the word is unambiguous ({@code nord}, {@code
 *       sud}, {@code ost}, {@code oost}, {@code zuid}, {@code west}).
 *   <li><b>Units</b>: {@code suite}, {@code ste}, {@code #}, {@code unit}, {@code apartment},
 *       {@code apt}, {@code room}, {@code rm} all become {@code unit} ({@code Suite 200} = {@code
 *       #200} = {@code Unit 200}); {@code floor}/{@code flr}/{@code fl} become {@code fl}, and a
 *       number before it moves after it ({@code 2nd Floor} = {@code Floor 2}); {@code building} to
 *       {@code bldg}; {@code post office box}, {@code p.o. box}, {@code pobox} to {@code po box}.
 *   <li><b>Ordinals</b>: {@code 1st}, {@code first}, {@code 2nd}, {@code second} ... {@code
 *       twentieth} become the number ({@code 1}, {@code 2}), so {@code First Avenue} = {@code 1st
 *       Ave}.
 * </ul>
 *
 * <p>The key is idempotent ({@code key(key(a))} equals {@code key(a)}) and does not depend on case
 * or on punctuation between words. Values longer than {@link #MAX_LENGTH} characters are cut
 * there before they are normalized (a documented resource limit). It never throws on bad data: a
 * value without letters or digits gives the empty key.
 *
 * <pre>{@code
 * AddressNormalizer addresses = AddressNormalizer.standard();
 * addresses.key("200 North Main Street, Suite 5");  // "200 n main st unit 5"
 * addresses.key("Hauptstraße 5, 2. OG");            // "hauptstr 5 2 og"
 * }</pre>
 *
 * <p>Thread safety: immutable and thread-safe.
 */
public final class AddressNormalizer {

  /** Longest value normalized, in characters; longer values are cut. */
  public static final int MAX_LENGTH = 500;

  private static final AddressNormalizer STANDARD = new AddressNormalizer();

  /** Word to its key form; every key form maps to itself. */
  private static final Map<String, String> WORDS = words();

  private static final String[] ORDINALS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth", "twentieth"
  };

  private AddressNormalizer() {}

  /** Returns the normalizer with the bundled word lists. */
  public static AddressNormalizer standard() {
    return STANDARD;
  }

  private static Map<String, String> words() {
    Map<String, String> m = new HashMap<>();
    // street types (USPS Publication 28 short forms, plus the usual British and Australian ones)
    put(m, "st", "street", "str", "st");
    put(m, "ave", "avenue", "av", "ave", "avenida", "avda", "aven", "avn");
    put(m, "rd", "road", "rd");
    put(m, "blvd", "boulevard", "boul", "bd", "blvd");
    put(m, "dr", "drive", "drv", "dr");
    put(m, "ln", "lane", "ln");
    put(m, "pl", "place", "platz", "pl");
    put(m, "ct", "court", "crt", "ct");
    put(m, "cres", "crescent", "cresc", "cres");
    put(m, "tce", "terrace", "terr", "ter", "tce");
    put(m, "hwy", "highway", "hwy");
    put(m, "pkwy", "parkway", "pkway", "pky", "pkwy");
    put(m, "sq", "square", "sqr", "sq");
    put(m, "cir", "circle", "circ", "cir");
    put(m, "plz", "plaza", "plza", "plz");
    put(m, "expy", "expressway", "expwy", "expy");
    put(m, "fwy", "freeway", "frwy", "fwy");
    put(m, "rte", "route", "rte");
    put(m, "mt", "mount", "mt");
    put(m, "ctr", "centre", "center", "cntr", "ctr");
    put(m, "cct", "circuit", "cct");
    put(m, "pde", "parade", "pde");
    put(m, "piazza", "piazza", "pza", "pzza");
    // German and Dutch "street" as a word (compounds are handled separately)
    put(m, "str", "strasse", "straat");
    // directions
    put(m, "n", "north", "nord", "noord", "n");
    put(m, "s", "south", "sud", "zuid", "s");
    put(m, "e", "east", "ost", "oost", "est", "e");
    put(m, "w", "west", "ouest", "w");
    put(m, "ne", "northeast", "ne");
    put(m, "nw", "northwest", "nw");
    put(m, "se", "southeast", "se");
    put(m, "sw", "southwest", "sw");
    // units
    put(m, "unit", "suite", "ste", "unit", "apartment", "apt", "room", "rm");
    put(m, "fl", "floor", "flr", "fl");
    put(m, "bldg", "building", "bldg", "bld");
    return Map.copyOf(m);
  }

  private static void put(Map<String, String> m, String key, String... variants) {
    for (String v : variants) {
      m.put(v, key);
    }
    m.put(key, key);
  }

  /**
   * Returns the match key of an address, or the empty string when it has no letters or digits.
   *
   * @param raw the address, any case and punctuation; null gives the empty key
   */
  public String key(@org.jspecify.annotations.Nullable CharSequence raw) {
    if (raw == null) {
      return "";
    }
    String s = raw.length() > MAX_LENGTH ? raw.subSequence(0, MAX_LENGTH).toString() : raw.toString();
    if (s.indexOf('#') >= 0) {
      s = s.replace("#", " unit ");
    }
    String folded = TextFolding.foldedWords(s);
    if (folded.isEmpty()) {
      return "";
    }
    String[] in = spaceSeparated(folded);
    List<String> out = new ArrayList<>(in.length + 1);
    for (int i = 0; i < in.length; i++) {
      String t = in[i];
      // post office box: "post office box", "p o box", "po box", "pobox"
      if (t.equals("pobox")) {
        out.add("po");
        out.add("box");
        continue;
      }
      if (t.equals("post") && i + 2 < in.length && in[i + 1].equals("office") && in[i + 2].equals("box")) {
        out.add("po");
        out.add("box");
        i += 2;
        continue;
      }
      if (t.equals("p") && i + 2 < in.length && in[i + 1].equals("o") && in[i + 2].equals("box")) {
        out.add("po");
        out.add("box");
        i += 2;
        continue;
      }
      String w = word(t);
      // "2 fl" (from "2nd Floor") reads as "fl 2", unless the number already follows a unit word
      // or a number follows the floor word
      if (w.equals("fl") && !out.isEmpty() && digits(out.get(out.size() - 1))
          && (out.size() < 2 || !unitWord(out.get(out.size() - 2)))
          && (i + 1 == in.length || !digits(word(in[i + 1])))) {
        String number = out.remove(out.size() - 1);
        out.add("fl");
        out.add(number);
        continue;
      }
      out.add(w);
    }
    return String.join(" ", out);
  }

  /** The words of a folded value (single spaces, no empty word). */
  private static String[] spaceSeparated(String folded) {
    List<String> words = new ArrayList<>();
    int from = 0;
    for (int i = 0; i <= folded.length(); i++) {
      if (i == folded.length() || folded.charAt(i) == ' ') {
        if (i > from) {
          words.add(folded.substring(from, i));
        }
        from = i + 1;
      }
    }
    return words.toArray(new String[0]);
  }

  private static boolean unitWord(String w) {
    return w.equals("fl") || w.equals("unit") || w.equals("bldg");
  }

  /** The key form of one folded word. */
  private static String word(String t) {
    String mapped = WORDS.get(t);
    if (mapped != null) {
      return mapped;
    }
    String ordinal = ordinal(t);
    if (ordinal != null) {
      return ordinal;
    }
    // compounds: hauptstrasse, kerkstraat -> hauptstr, kerkstr
    if (t.length() > 7 && t.endsWith("strasse")) {
      return t.substring(0, t.length() - 7) + "str";
    }
    if (t.length() > 6 && t.endsWith("straat")) {
      return t.substring(0, t.length() - 6) + "str";
    }
    return t;
  }

  /** The number of an ordinal ({@code 21st}, {@code third}), or null. */
  private static @org.jspecify.annotations.Nullable String ordinal(String t) {
    int n = t.length();
    if (n >= 3) {
      String suffix = t.substring(n - 2);
      if ((suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd") || suffix.equals("th"))
          && digits(t.substring(0, n - 2))) {
        return t.substring(0, n - 2);
      }
    }
    for (int i = 0; i < ORDINALS.length; i++) {
      if (ORDINALS[i].equals(t)) {
        return Integer.toString(i + 1);
      }
    }
    return null;
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}

package dev.mops.taxonomy;

import dev.mops.core.Finding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A parser of landing-page URLs into UTM values and click ids, following the browser rules (WHATWG
 * URL and application/x-www-form-urlencoded) rather than {@code java.net.URI}'s.
 *
 * <p>It never throws on data: raw spaces, {@code {keyword}} placeholders, {@code 50%off}, bad
 * percent escapes and bad UTF-8 are decoded as a browser would and reported as {@link Finding}s
 * (codes in {@link TaxonomyCodes}). Query pairs are split on {@code &} only; {@code +} is a space;
 * a {@code %} not followed by two hex digits is kept as is; invalid UTF-8 becomes U+FFFD.
 *
 * <p>Tracked parameters are the {@link UtmParameter UTM parameters} and the {@link ClickIdType
 * click ids}. For them the first occurrence in the query wins; a name in the wrong case or with
 * spaces around it ({@code UTM_Source}, {@code utm_source }) is used when the exact name is absent
 * earlier, and reported. Pairs after {@code #} (also after {@code #/route?}) are reported, and used
 * only when {@link Builder#readFragment(boolean)} is on and the query lacks them.
 *
 * <p>Limits, each reported as an error finding rather than thrown: {@link
 * Builder#maxUrlLength(int)} (default {@value #DEFAULT_MAX_URL_LENGTH} characters; longer URLs are
 * not parsed), {@link Builder#maxParameters(int)} (default {@value #DEFAULT_MAX_PARAMETERS} pairs;
 * the rest are ignored) and {@link Builder#maxValueLength(int)} (default {@value
 * #DEFAULT_MAX_VALUE_LENGTH} characters for a tracked value; longer values are cut).
 *
 * <pre>{@code
 * ParsedUrl u = UtmParser.standard().parse("https://shop.example/?utm_source=Facebook&fbclid=IwAR");
 * u.utm().source();      // "Facebook"
 * u.clickId().type();    // ClickIdType.FBCLID
 * }</pre>
 *
 * <p>Thread safety: immutable and safe to share; {@link #parse} keeps no state between calls.
 */
public final class UtmParser {

  /** Default largest URL, in characters. */
  public static final int DEFAULT_MAX_URL_LENGTH = 32_768;
  /** Default largest number of query and fragment pairs read. */
  public static final int DEFAULT_MAX_PARAMETERS = 512;
  /** Default largest tracked value, in characters. */
  public static final int DEFAULT_MAX_VALUE_LENGTH = 2_048;

  private static final UtmParser STANDARD = new Builder().build();

  /** A tracked parameter name: a UTM parameter or a click id type. */
  private static final class Key {
    final String canonical;
    final @Nullable UtmParameter utm;
    final @Nullable ClickIdType click;

    Key(String canonical, @Nullable UtmParameter utm, @Nullable ClickIdType click) {
      this.canonical = canonical;
      this.utm = utm;
      this.click = click;
    }
  }

  private static final Map<String, Key> EXACT = new HashMap<>();
  private static final int UTM_COUNT = UtmParameter.values().length;
  private static final int CLICK_COUNT = ClickIdType.values().length;

  static {
    for (UtmParameter p : UtmParameter.values()) {
      EXACT.put(p.parameterName(), new Key(p.parameterName(), p, null));
    }
    for (ClickIdType t : ClickIdType.values()) {
      Key k = new Key(t.parameterName(), null, t);
      EXACT.put(t.parameterName(), k);
      EXACT.put(t.parameterName().toLowerCase(Locale.ROOT), k);
    }
  }

  private final boolean readFragment;
  private final int maxUrlLength;
  private final int maxParameters;
  private final int maxValueLength;

  private UtmParser(Builder b) {
    this.readFragment = b.readFragment != null && b.readFragment;
    this.maxUrlLength = b.maxUrlLength > 0 ? b.maxUrlLength : DEFAULT_MAX_URL_LENGTH;
    this.maxParameters = b.maxParameters > 0 ? b.maxParameters : DEFAULT_MAX_PARAMETERS;
    this.maxValueLength = b.maxValueLength > 0 ? b.maxValueLength : DEFAULT_MAX_VALUE_LENGTH;
  }

  /** Returns the parser with default limits that reads the query only. */
  public static UtmParser standard() {
    return STANDARD;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns whether tracked pairs after {@code #} are used when the query lacks them. */
  public boolean readsFragment() {
    return readFragment;
  }

  /** Returns the largest URL parsed, in characters. */
  public int maxUrlLength() {
    return maxUrlLength;
  }

  /** Returns the largest number of pairs read. */
  public int maxParameters() {
    return maxParameters;
  }

  /** Returns the largest tracked value kept, in characters. */
  public int maxValueLength() {
    return maxValueLength;
  }

  /**
   * Parses a landing-page URL; never throws on data.
   *
   * @param input the URL, absolute ({@code https://...}), scheme-relative ({@code //host/}) or
   *     without scheme ({@code example.com/?utm_source=x}); {@code null} gives an {@code EMPTY_URL}
   *     finding
   */
  public ParsedUrl parse(@Nullable String input) {
    Run run = new Run();
    if (input == null || input.isBlank()) {
      run.add(Finding.error(TaxonomyCodes.EMPTY_URL, "", input, "the URL is empty"));
      return run.result(input == null ? "" : input, "", "", "", "", null, null);
    }
    if (input.length() > maxUrlLength) {
      run.add(Finding.error(TaxonomyCodes.URL_TOO_LONG, "", input,
          "the URL has " + input.length() + " characters, over the limit of " + maxUrlLength + "; it was not parsed"));
      return run.result(input, input, "", "", "", null, null);
    }
    String url = clean(input, run);
    int len = url.length();
    int p = 0;
    String scheme = "";
    int colon = schemeEnd(url);
    if (colon > 0) {
      scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
      p = colon + 1;
    }
    boolean special = scheme.isEmpty() || isSpecial(scheme);
    String host = "";
    int slashes = 0;
    while (p + slashes < len && (url.charAt(p + slashes) == '/' || (special && url.charAt(p + slashes) == '\\'))) {
      slashes++;
    }
    boolean hasAuthority = (colon > 0 && special && !scheme.equals("file")) ? true : slashes >= 2;
    if (colon <= 0 && slashes == 0 && looksLikeHost(url)) {
      hasAuthority = true;
    }
    if (colon <= 0) {
      run.add(Finding.info(TaxonomyCodes.MISSING_SCHEME, "", null, "the URL has no scheme such as https:"));
    }
    if (hasAuthority) {
      p += slashes;
      int end = p;
      while (end < len) {
        char c = url.charAt(end);
        if (c == '/' || c == '?' || c == '#' || (special && c == '\\')) {
          break;
        }
        end++;
      }
      host = hostOf(url, p, end);
      p = end;
    }
    int hash = url.indexOf('#', p);
    int q = url.indexOf('?', p);
    if (hash >= 0 && q > hash) {
      q = -1;
    }
    int pathEnd = q >= 0 ? q : hash >= 0 ? hash : len;
    String path = url.substring(p, pathEnd);
    if (url.lastIndexOf(' ', pathEnd - 1) >= 0) {
      run.add(Finding.warning(TaxonomyCodes.RAW_SPACE, "", url.substring(0, pathEnd),
          "the host or path has a raw space; browsers send it as %20"));
    }
    String query = q >= 0 ? url.substring(q + 1, hash >= 0 ? hash : len) : null;
    String fragment = hash >= 0 ? url.substring(hash + 1) : null;
    if (query != null) {
      run.pairs(query, 0, query.length(), false);
    }
    if (fragment != null) {
      int fq = fragment.indexOf('?');
      int from = fq >= 0 ? fq + 1 : 0;
      if (fragment.indexOf('=', from) >= 0) {
        run.pairs(fragment, from, fragment.length(), true);
      }
    }
    return run.result(input, url, scheme, host, path, query, fragment);
  }

  private static boolean isSpecial(String scheme) {
    switch (scheme) {
      case "http":
      case "https":
      case "ftp":
      case "ws":
      case "wss":
      case "file":
        return true;
      default:
        return false;
    }
  }

  /** Strips leading/trailing C0 controls and spaces and removes tabs and newlines, as browsers do. */
  private static String clean(String input, Run run) {
    int start = 0;
    int end = input.length();
    while (start < end && input.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && input.charAt(end - 1) <= ' ') {
      end--;
    }
    boolean control = false;
    for (int i = start; i < end; i++) {
      char c = input.charAt(i);
      if (c < ' ' || c == 0x7F) {
        control = true;
        break;
      }
    }
    boolean trimmedControl = false;
    for (int i = 0; i < start && !trimmedControl; i++) {
      trimmedControl = input.charAt(i) < ' ';
    }
    for (int i = end; i < input.length() && !trimmedControl; i++) {
      trimmedControl = input.charAt(i) < ' ';
    }
    if (!control) {
      if (trimmedControl) {
        run.add(Finding.warning(TaxonomyCodes.CONTROL_CHARACTER, "", input,
            "control characters around the URL were removed"));
      }
      return start == 0 && end == input.length() ? input : input.substring(start, end);
    }
    StringBuilder sb = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = input.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        continue;
      }
      if (c < ' ' || c == 0x7F) {
        sb.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
        continue;
      }
      sb.append(c);
    }
    run.add(Finding.warning(TaxonomyCodes.CONTROL_CHARACTER, "", input,
        "tabs and newlines were removed and other control characters percent-encoded, as browsers do"));
    return sb.toString();
  }

  /** Returns the index of the scheme's colon, or -1. */
  private static int schemeEnd(String url) {
    int len = url.length();
    if (len == 0 || !isAsciiLetter(url.charAt(0))) {
      return -1;
    }
    for (int i = 1; i < len; i++) {
      char c = url.charAt(i);
      if (c == ':') {
        // "localhost:8080/x" has no scheme in practice; a scheme is followed by '/' or is mailto-like.
        if (i + 1 < len && Character.isDigit(url.charAt(i + 1)) && url.indexOf('.') >= 0 && url.indexOf('.') < i) {
          return -1;
        }
        return i;
      }
      if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** For scheme-less input: whether the text up to the first / ? # looks like a host name. */
  private static boolean looksLikeHost(String url) {
    int end = 0;
    boolean dot = false;
    while (end < url.length()) {
      char c = url.charAt(end);
      if (c == '/' || c == '?' || c == '#' || c == '\\') {
        break;
      }
      if (c == '.') {
        dot = true;
      } else if (!(Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '@' || c == '_')) {
        return false;
      }
      end++;
    }
    return dot && end > 0;
  }

  private static String hostOf(String url, int from, int to) {
    int at = url.lastIndexOf('@', to - 1);
    if (at >= from) {
      from = at + 1;
    }
    int end = to;
    if (from < to && url.charAt(from) == '[') {
      int close = url.indexOf(']', from);
      end = close >= 0 && close < to ? close + 1 : to;
    } else {
      int c = url.indexOf(':', from);
      if (c >= 0 && c < to) {
        end = c;
      }
    }
    String h = url.substring(from, end);
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return h.toLowerCase(Locale.ROOT);
      }
    }
    return h;
  }

  /** The mutable state of one parse call. */
  private final class Run {
    private @Nullable List<Finding> findings;
    private @Nullable List<QueryParameter> parameters;
    private final @Nullable String[] utm = new String[UtmParameter.values().length];
    private final boolean[] seenInQuery = new boolean[UTM_COUNT + CLICK_COUNT];
    private final boolean[] seenInFragment = new boolean[UTM_COUNT + CLICK_COUNT];
    private @Nullable EnumMap<ClickIdType, ClickId> clicks;
    private int count;
    private boolean overLimit;
    // flags set by decode
    private boolean badEscape;
    private boolean badUtf8;
    private boolean plus;

    void add(Finding f) {
      if (findings == null) {
        findings = new ArrayList<>(4);
      }
      findings.add(f);
    }

    ParsedUrl result(String input, String url, String scheme, String host, String path,
        @Nullable String query, @Nullable String fragment) {
      UtmParameters u = UtmParameters.NONE;
      EnumMap<UtmParameter, String> m = null;
      UtmParameter[] all = UtmParameter.values();
      for (int i = 0; i < utm.length; i++) {
        String v = utm[i];
        if (v != null && !v.isEmpty()) {
          if (m == null) {
            m = new EnumMap<>(UtmParameter.class);
          }
          m.put(all[i], v);
        }
      }
      if (m != null) {
        u = UtmParameters.of(m);
      }
      return new ParsedUrl(input, url, scheme, host, path, query, fragment,
          parameters == null ? List.of() : parameters, u,
          clicks == null ? List.of() : new ArrayList<>(clicks.values()),
          findings == null ? List.of() : findings);
    }

    void pairs(String s, int from, int to, boolean inFragment) {
      int start = from;
      while (start <= to) {
        int amp = s.indexOf('&', start);
        if (amp < 0 || amp > to) {
          amp = to;
        }
        if (amp > start) {
          if (++count > maxParameters) {
            if (!overLimit) {
              overLimit = true;
              add(Finding.error(TaxonomyCodes.TOO_MANY_PARAMETERS, "", null,
                  "the URL has more than " + maxParameters + " parameters; the rest were ignored"));
            }
            return;
          }
          pair(s, start, amp, inFragment);
        }
        start = amp + 1;
      }
    }

    // Slots of the seen/value arrays are the enums' ordinals: no map on the parser's hot path, and
    // the arrays are private to one parse.
    @SuppressWarnings("EnumOrdinal")
    private void pair(String s, int from, int to, boolean inFragment) {
      plus = false;
      badEscape = false;
      badUtf8 = false;
      int eq = s.indexOf('=', from);
      if (eq < 0 || eq > to) {
        eq = -1;
      }
      int nameEnd = eq < 0 ? to : eq;
      String name = decode(s, from, nameEnd);
      boolean nameBad = badEscape || badUtf8;
      plus = false;
      badEscape = false;
      badUtf8 = false;
      String value = eq < 0 ? "" : decode(s, eq + 1, to);
      String raw = s.substring(from, to);
      if (parameters == null) {
        parameters = new ArrayList<>(8);
      }
      parameters.add(new QueryParameter(name, value, raw, inFragment));

      Key key = EXACT.get(name);
      boolean exact = key != null;
      if (key == null && name.length() <= 40) {
        String normal = name.strip().toLowerCase(Locale.ROOT);
        key = EXACT.get(normal);
        if (key == null && !nameBad) {
          if (normal.startsWith("utm_")) {
            add(Finding.info(TaxonomyCodes.UNKNOWN_UTM_PARAMETER, normal, value,
                "'" + name + "' is not a UTM parameter Google Analytics reads"));
          } else if (normal.startsWith("?") && EXACT.containsKey(normal.substring(1).strip())) {
            add(Finding.warning(TaxonomyCodes.SECOND_QUESTION_MARK, EXACT.get(normal.substring(1).strip()).canonical, raw,
                "'" + raw + "' follows a second '?'; use '&' between parameters"));
          }
        }
      }
      if (key == null) {
        secondQuestionMark(value, raw);
        return;
      }
      String field = key.canonical;
      if (!exact && !(key.click == ClickIdType.SCCID && name.equalsIgnoreCase("sccid"))) {
        boolean spaces = !name.strip().equals(name);
        add(spaces
            ? Finding.warning(TaxonomyCodes.PARAMETER_NAME_WHITESPACE, field, name,
                "parameter name '" + name + "' has spaces around it; expected '" + field + "'")
            : Finding.warning(TaxonomyCodes.PARAMETER_NAME_CASE, field, name,
                "parameter name '" + name + "' is in the wrong case; expected '" + field + "'"));
      }
      if (inFragment) {
        add(Finding.warning(TaxonomyCodes.PARAMETER_IN_FRAGMENT, field, raw,
            "'" + field + "' is after '#'; browsers do not send the fragment and analytics tools ignore it"
                + (readFragment ? "" : " (not used)")));
      }
      secondQuestionMark(value, raw);
      checkValue(field, value, eq >= 0 ? s.substring(eq + 1, to) : "");
      if (value.length() > maxValueLength) {
        add(Finding.error(TaxonomyCodes.VALUE_TOO_LONG, field, value,
            "the value has " + value.length() + " characters, over the limit of " + maxValueLength + "; it was cut"));
        value = value.substring(0, maxValueLength);
      }
      boolean usable = !inFragment || readFragment;
      ClickIdType click = key.click;
      int slot = key.utm != null ? key.utm.ordinal() : UTM_COUNT + java.util.Objects.requireNonNull(click).ordinal();
      boolean[] seen = inFragment ? seenInFragment : seenInQuery;
      if (seen[slot]) {
        add(Finding.warning(TaxonomyCodes.DUPLICATE_PARAMETER, field, value,
            "'" + field + "' appears more than once; the first value is used"));
        return;
      }
      seen[slot] = true;
      if (!usable || value.isEmpty()) {
        return;
      }
      if (key.utm != null) {
        int i = key.utm.ordinal();
        if (utm[i] == null) {
          utm[i] = value;
        }
      } else {
        ClickIdType t = java.util.Objects.requireNonNull(click);
        if (clicks == null) {
          clicks = new EnumMap<>(ClickIdType.class);
        }
        clicks.putIfAbsent(t, new ClickId(t, value, inFragment));
      }
    }

    private void secondQuestionMark(String value, String raw) {
      int qm = value.indexOf('?');
      if (qm < 0) {
        return;
      }
      int eq = value.indexOf('=', qm);
      if (eq < 0 || eq - qm > 41) {
        return;
      }
      String inner = value.substring(qm + 1, eq).strip().toLowerCase(Locale.ROOT);
      Key k = EXACT.get(inner);
      if (k != null) {
        add(Finding.warning(TaxonomyCodes.SECOND_QUESTION_MARK, k.canonical, raw,
            "'" + k.canonical + "' is hidden in another value after a second '?'; use '&' between parameters"));
      }
    }

    private void checkValue(String field, String value, String rawValue) {
      if (value.isEmpty()) {
        add(Finding.warning(TaxonomyCodes.EMPTY_VALUE, field, rawValue, "'" + field + "' is empty"));
        return;
      }
      String macro = Macros.find(value);
      if (badEscape && !(macro != null && macro.startsWith("%%"))) {
        add(Finding.warning(TaxonomyCodes.BAD_PERCENT_ESCAPE, field, rawValue,
            "a '%' is not followed by two hex digits; it was kept as a literal '%'"));
      }
      if (badUtf8) {
        add(Finding.warning(TaxonomyCodes.INVALID_UTF8, field, rawValue,
            "the escapes are not valid UTF-8; bad bytes became U+FFFD"));
      }
      if (plus) {
        add(Finding.info(TaxonomyCodes.PLUS_AS_SPACE, field, rawValue,
            "'+' was read as a space, as browsers and Google Analytics do; some tools keep it as '+', prefer %20"));
      }
      if (rawValue.indexOf(' ') >= 0) {
        add(Finding.warning(TaxonomyCodes.RAW_SPACE, field, rawValue,
            "the value has a raw space; encode it as %20"));
      }
      if (hasEscape(value)) {
        add(Finding.warning(TaxonomyCodes.DOUBLE_ENCODED, field, value,
            "the value is still percent-encoded after decoding (double encoding, e.g. %2520)"));
      }
      if (macro != null) {
        add(Finding.error(TaxonomyCodes.UNFILLED_MACRO, field, value,
            "the value has an unfilled macro " + macro));
      }
    }

    private String decode(String s, int from, int to) {
      int i = from;
      while (i < to) {
        char c = s.charAt(i);
        if (c == '%' || c == '+') {
          break;
        }
        i++;
      }
      if (i == to) {
        return s.substring(from, to);
      }
      byte[] buf = new byte[(to - from) * 3];
      int n = 0;
      boolean ascii = true;
      for (i = from; i < to; ) {
        char c = s.charAt(i);
        if (c == '+') {
          buf[n++] = ' ';
          plus = true;
          i++;
        } else if (c == '%') {
          int h1 = i + 2 < to ? Character.digit(s.charAt(i + 1), 16) : -1;
          int h2 = h1 >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
          if (h1 >= 0 && h2 >= 0 && s.charAt(i + 1) < 0x80 && s.charAt(i + 2) < 0x80) {
            int b = (h1 << 4) | h2;
            ascii &= b < 0x80;
            buf[n++] = (byte) b;
            i += 3;
          } else {
            buf[n++] = '%';
            badEscape = true;
            i++;
          }
        } else if (c < 0x80) {
          buf[n++] = (byte) c;
          i++;
        } else {
          ascii = false;
          int cp;
          if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
            cp = Character.toCodePoint(c, s.charAt(i + 1));
            i += 2;
          } else {
            cp = Character.isSurrogate(c) ? 0xFFFD : c;
            i++;
          }
          n = Utf8.put(buf, n, cp);
        }
      }
      if (ascii) {
        return new String(buf, 0, n, StandardCharsets.ISO_8859_1);
      }
      if (!Utf8.isValid(buf, n)) {
        badUtf8 = true;
      }
      return new String(buf, 0, n, StandardCharsets.UTF_8);
    }
  }

  /** Returns the canonical spelling of a tracked parameter name (any case, spaces around), or null. */
  static @Nullable String canonicalName(String name) {
    Key k = EXACT.get(name);
    if (k == null && name.length() <= 40) {
      k = EXACT.get(name.strip().toLowerCase(Locale.ROOT));
    }
    return k == null ? null : k.canonical;
  }

  /** Whether {@code v} has a {@code %} followed by two hex digits. */
  static boolean hasEscape(String v) {
    int i = v.indexOf('%');
    while (i >= 0 && i + 2 < v.length()) {
      if (Character.digit(v.charAt(i + 1), 16) >= 0 && Character.digit(v.charAt(i + 2), 16) >= 0
          && v.charAt(i + 1) < 0x80 && v.charAt(i + 2) < 0x80) {
        return true;
      }
      i = v.indexOf('%', i + 1);
    }
    return false;
  }

  /**
   * A builder of {@link UtmParser}s; each setting may be set once.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private @Nullable Boolean readFragment;
    private int maxUrlLength;
    private int maxParameters;
    private int maxValueLength;

    private Builder() {}

    /** Uses tracked pairs found after {@code #} when the query lacks them (default off). */
    public Builder readFragment(boolean read) {
      if (readFragment != null) {
        throw new IllegalStateException("readFragment was already set to " + readFragment);
      }
      readFragment = read;
      return this;
    }

    /** Sets the largest URL parsed, in characters (default {@value UtmParser#DEFAULT_MAX_URL_LENGTH}). */
    public Builder maxUrlLength(int chars) {
      maxUrlLength = once("maxUrlLength", maxUrlLength, chars);
      return this;
    }

    /** Sets the largest number of pairs read (default {@value UtmParser#DEFAULT_MAX_PARAMETERS}). */
    public Builder maxParameters(int count) {
      maxParameters = once("maxParameters", maxParameters, count);
      return this;
    }

    /** Sets the largest tracked value kept, in characters (default {@value UtmParser#DEFAULT_MAX_VALUE_LENGTH}). */
    public Builder maxValueLength(int chars) {
      maxValueLength = once("maxValueLength", maxValueLength, chars);
      return this;
    }

    private static int once(String what, int current, int value) {
      if (current != 0) {
        throw new IllegalStateException(what + " was already set to " + current);
      }
      if (value <= 0) {
        throw new IllegalArgumentException(what + " must be positive, was " + value);
      }
      return value;
    }

    /** Builds the parser. */
    public UtmParser build() {
      return new UtmParser(this);
    }
  }
}

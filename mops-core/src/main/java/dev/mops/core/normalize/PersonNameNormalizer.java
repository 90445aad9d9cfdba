package dev.mops.core.normalize;

import dev.mops.core.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A normalizer of person names: splits a full name, or cleans a first and a last name given apart,
 * into {@link PersonName} parts and match keys.
 *
 * <p>It applies Unicode NFKC, splits honorifics ({@code Dr}, {@code Mrs}, {@code Prof}) off the
 * front and generational or post-nominal suffixes ({@code Jr}, {@code III}, {@code PhD}) off the
 * back, reorders {@code "Last, First"}, keeps family-name particles with the family name
 * ({@code van der Berg}, {@code de la Cruz}), splits run-together initials ({@code J.R.R.}), drops
 * quoted or bracketed nicknames ({@code Robert "Bob" Smith}), title-cases names written all in
 * upper or lower case, and computes case- and accent-folded keys and the formal names a nickname
 * stands for from a nickname table.
 *
 * <pre>{@code
 * PersonNameNormalizer names = PersonNameNormalizer.builder().build();
 * PersonName n = names.parse("SMITH, Dr. Robert J., Jr.");
 * n.first();      // "Robert"
 * n.last();       // "Smith"
 * n.honorific();  // "Dr"
 * n.suffix();     // "Jr"
 * names.parse("Bob Smith").sameFirstName(n);  // true
 * }</pre>
 *
 * <p>Thread safety: immutable and thread-safe.
 */
public final class PersonNameNormalizer {

  /** Longest name accepted, in chars; longer values are reported and not parsed. */
  public static final int MAX_LENGTH = 256;


  private final String field;
  private final String firstField;
  private final String lastField;
  private final Map<String, Set<String>> formalNamesByNickname;
  private final Map<String, Set<String>> nicknamesByFormal;

  private PersonNameNormalizer(Builder b) {
    this.field = b.field;
    this.firstField = b.firstField;
    this.lastField = b.lastField;
    this.nicknamesByFormal = b.nicknames != null ? b.nicknames : Defaults.NICKNAMES;
    this.formalNamesByNickname = invert(nicknamesByFormal);
  }

  /** Returns a new builder with the bundled nickname table and fields {@code name}, {@code first_name}, {@code last_name}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the bundled nickname table: formal name to its nicknames, all lower case. */
  public static Map<String, Set<String>> defaultNicknames() {
    return Defaults.NICKNAMES;
  }

  /**
   * Returns the formal names {@code nickname} may stand for, by the nickname table (lower case,
   * folded); empty when it is no known nickname.
   */
  public Set<String> formalNames(CharSequence nickname) {
    return formalNamesByNickname.getOrDefault(key(nickname.toString()), Set.of());
  }

  /**
   * Returns the match key of one name part: folded, apostrophes and periods removed, other
   * punctuation turned into single spaces ({@code "O'Neil-Díaz"} gives {@code oneil diaz}).
   */
  public static String key(@Nullable CharSequence namePart) {
    if (namePart == null) {
      return "";
    }
    List<String> tokens = TextFolding.tokens(namePart);
    return tokens.isEmpty() ? "" : TextFolding.join(tokens, 0, tokens.size());
  }

  /** Parses a full name ({@code "Dr. Jane Q. van der Berg-Smith, PhD"}). Never throws on bad data. */
  public PersonName parse(@Nullable CharSequence fullName) {
    return parse(fullName, field);
  }

  private PersonName parse(@Nullable CharSequence fullName, String field) {
    if (fullName == null) {
      return empty("");
    }
    String original = fullName.toString();
    String s = TextFolding.clean(original);
    if (s.isEmpty()) {
      return empty(original);
    }
    List<Finding> findings = new ArrayList<>(1);
    if (s.length() > MAX_LENGTH) {
      findings.add(Finding.error("NAME_TOO_LONG", field, original,
          "longer than " + MAX_LENGTH + " characters; not parsed"));
      return new PersonName(original, null, "", "", "", null, "", "", "", Set.of(), findings);
    }
    s = removeBracketed(s);
    if (!check(s, original, field, findings)) {
      return new PersonName(original, null, "", "", "", null, "", "", "", Set.of(), findings);
    }

    List<String> parts = new ArrayList<>(2);
    for (String part : s.split(",", 0)) {
      String p = part.strip();
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    List<String> suffixes = new ArrayList<>(1);
    while (parts.size() > 1 && isSuffixPhrase(parts.get(parts.size() - 1))) {
      List<String> tokens = splitTokens(parts.remove(parts.size() - 1));
      suffixes.addAll(0, tokens);
    }
    List<String> honorifics = new ArrayList<>(1);
    List<String> given;
    List<String> family;
    if (parts.size() >= 2) {
      family = splitTokens(parts.get(0));
      given = new ArrayList<>();
      for (int i = 1; i < parts.size(); i++) {
        given.addAll(splitTokens(parts.get(i)));
      }
      takeHonorifics(family, honorifics);
      takeHonorifics(given, honorifics);
      takeSuffixes(family, suffixes);
      takeSuffixes(given, suffixes);
      if (!given.isEmpty() && !family.isEmpty()) {
        findings.add(Finding.info("NAME_REORDERED", field, original,
            "read as 'Last, First' and reordered"));
      }
    } else {
      List<String> tokens = splitTokens(parts.isEmpty() ? s : parts.get(0));
      takeHonorifics(tokens, honorifics);
      takeSuffixes(tokens, suffixes);
      if (tokens.size() == 1 && honorifics.isEmpty()
          && Defaults.HONORIFICS.contains(wordKey(tokens.get(0)))) {
        honorifics.add(tokens.remove(0));
        findings.add(Finding.warning("NAME_HONORIFIC_ONLY", field, original,
            "only an honorific, no name"));
      }
      if (tokens.isEmpty()) {
        given = tokens;
        family = new ArrayList<>();
      } else if (tokens.size() == 1) {
        given = honorifics.isEmpty() ? tokens : new ArrayList<>();
        family = honorifics.isEmpty() ? new ArrayList<>() : tokens;
      } else {
        int lastStart = tokens.size() - 1;
        while (lastStart > 1 && isParticle(tokens.get(lastStart - 1))) {
          lastStart--;
        }
        given = new ArrayList<>(tokens.subList(0, lastStart));
        family = new ArrayList<>(tokens.subList(lastStart, tokens.size()));
      }
    }
    String first = given.isEmpty() ? "" : displayWord(given.get(0), false);
    List<String> middleTokens = given.size() > 1 ? given.subList(1, given.size()) : List.of();
    return build(original, honorifics, first, middleTokens, family, suffixes, findings);
  }

  /**
   * Cleans a first and a last name given in separate fields. Honorifics are taken off the front of
   * the first name, suffixes off the end of the last name, and trailing initials of the first name
   * become the middle name ({@code "John Q."}). When one field is empty and the other holds a
   * {@code "Last, First"} full name, that field is {@link #parse parsed} as a full name. Never
   * throws on bad data.
   */
  public PersonName normalize(@Nullable CharSequence firstName, @Nullable CharSequence lastName) {
    String firstRaw = firstName == null ? "" : firstName.toString();
    String lastRaw = lastName == null ? "" : lastName.toString();
    String original = (firstRaw.strip() + " " + lastRaw.strip()).strip();
    String f = TextFolding.clean(firstRaw);
    String l = TextFolding.clean(lastRaw);
    if (f.isEmpty() && l.isEmpty()) {
      return empty(original);
    }
    // "Smith, John" in one field and nothing in the other: a full name in the wrong place.
    if (l.isEmpty() && f.indexOf(',') > 0 && f.length() <= MAX_LENGTH) {
      return parse(firstRaw, firstField);
    }
    if (f.isEmpty() && l.indexOf(',') > 0 && l.length() <= MAX_LENGTH) {
      return parse(lastRaw, lastField);
    }
    List<Finding> findings = new ArrayList<>(1);
    if (f.length() > MAX_LENGTH || l.length() > MAX_LENGTH) {
      findings.add(Finding.error("NAME_TOO_LONG", f.length() > MAX_LENGTH ? firstField : lastField,
          f.length() > MAX_LENGTH ? firstRaw : lastRaw,
          "longer than " + MAX_LENGTH + " characters; not parsed"));
      return new PersonName(original, null, "", "", "", null, "", "", "", Set.of(), findings);
    }
    f = removeBracketed(f);
    l = removeBracketed(l);
    // Values that do not look like names are reported but kept: the caller decides.
    if (!f.isEmpty()) {
      check(f, firstRaw, firstField, findings);
    }
    if (!l.isEmpty()) {
      check(l, lastRaw, lastField, findings);
    }
    List<String> honorifics = new ArrayList<>(1);
    List<String> suffixes = new ArrayList<>(1);
    List<String> given = splitTokens(f.replace(',', ' '));
    List<String> family = splitTokens(l.replace(',', ' '));
    takeHonorifics(given, honorifics);
    if (given.size() == 1 && honorifics.isEmpty() && !family.isEmpty()
        && Defaults.HONORIFICS.contains(wordKey(given.get(0)))) {
      honorifics.add(given.remove(0)); // "Ms." in the first-name field, "Jones" in the last
    }
    if (given.isEmpty()) {
      takeHonorifics(family, honorifics);
    }
    takeSuffixes(family, suffixes);
    if (family.isEmpty()) {
      takeSuffixes(given, suffixes);
    }
    int middleStart = given.size();
    while (middleStart > 1 && isInitial(given.get(middleStart - 1))) {
      middleStart--;
    }
    StringBuilder first = new StringBuilder();
    for (int i = 0; i < middleStart; i++) {
      if (i > 0) {
        first.append(' ');
      }
      first.append(displayWord(given.get(i), false));
    }
    List<String> middle = given.subList(middleStart, given.size());
    return build(original, honorifics, first.toString(), middle, family, suffixes, findings);
  }

  private PersonName build(String original, List<String> honorifics, String first,
      List<String> middleTokens, List<String> family, List<String> suffixes,
      List<Finding> findings) {
    StringBuilder middle = new StringBuilder();
    for (String m : middleTokens) {
      if (middle.length() > 0) {
        middle.append(' ');
      }
      middle.append(displayWord(m, false));
    }
    StringBuilder last = new StringBuilder();
    for (int i = 0; i < family.size(); i++) {
      if (i > 0) {
        last.append(' ');
      }
      boolean particle = i < family.size() - 1 && isParticle(family.get(i));
      last.append(displayWord(family.get(i), particle));
    }
    String firstKey = key(first);
    String lastKey = key(last);
    StringBuilder initials = new StringBuilder(4);
    appendInitial(initials, firstKey);
    for (String m : middleTokens) {
      appendInitial(initials, key(m));
    }
    for (int i = 0; i < family.size(); i++) {
      if (!isParticle(family.get(i)) || i == family.size() - 1) {
        appendInitial(initials, key(family.get(i)));
        break;
      }
    }
    Set<String> firstKeys;
    @Nullable Set<String> formal = firstKey.isEmpty() ? null : formalNamesByNickname.get(firstKey);
    if (firstKey.isEmpty()) {
      firstKeys = Set.of();
    } else if (formal == null || formal.isEmpty()) {
      firstKeys = Set.of(firstKey);
    } else {
      Set<String> all = new HashSet<>(formal);
      all.add(firstKey);
      firstKeys = all;
    }
    String honorific = honorifics.isEmpty() ? null : joinDisplay(honorifics, true);
    String suffix = suffixes.isEmpty() ? null : joinDisplay(suffixes, false);
    return new PersonName(original, honorific, first, middle.toString(), last.toString(), suffix,
        firstKey, lastKey, initials.toString(), firstKeys, findings);
  }

  private static void appendInitial(StringBuilder sb, String key) {
    if (!key.isEmpty()) {
      int cp = key.codePointAt(0);
      sb.append(new String(Character.toChars(cp)).toUpperCase(Locale.ROOT));
    }
  }

  private PersonName empty(String original) {
    return new PersonName(original, null, "", "", "", null, "", "", "", Set.of(), List.of());
  }

  /** Reports values that are not names; returns false when there is nothing to parse. */
  private static boolean check(String s, String original, String field, List<Finding> findings) {
    boolean letter = false;
    boolean suspicious = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letter = true;
      } else if (Character.isDigit(cp) || cp == '@' || cp == '/' || cp == '\\' || cp == '_'
          || cp == '=' || cp == '<' || cp == '>' || cp == '{' || cp == '}') {
        suspicious = true;
      }
    }
    if (!letter) {
      findings.add(Finding.warning("NAME_NOT_A_NAME", field, original, "no letters in the name"));
      return false;
    }
    if (suspicious) {
      findings.add(Finding.warning("NAME_NOT_A_NAME", field, original,
          "the name contains digits or symbols such as '@'"));
    }
    if (isPlaceholder(s)) {
      findings.add(Finding.warning("NAME_PLACEHOLDER", field, original,
          "looks like a placeholder, not a real name"));
    }
    return true;
  }

  /** True when the whole value, or every word of it, is a placeholder ("N/A", "Test Test"). */
  private static boolean isPlaceholder(String s) {
    if (s.length() > 32) {
      return false; // placeholders are short; spare the work on real names
    }
    String k = key(s);
    if (PlaceholderValues.isPlaceholderKey(PlaceholderValues.Kind.NAME, k)) {
      return true;
    }
    for (String word : k.split(" ", 0)) {
      if (!PlaceholderValues.isPlaceholderKey(PlaceholderValues.Kind.NAME, word)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Removes text in double quotes or parentheses, nicknames and notes; an opening bracket or quote
   * that is never closed is left alone. When nothing would remain, the text is kept as it is.
   */
  static String removeBracketed(String s) {
    if (s.indexOf('"') < 0 && s.indexOf('(') < 0 && s.indexOf('\u201C') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int close = -1;
      if (c == '(') {
        close = s.indexOf(')', i + 1);
      } else if (c == '"' || c == '\u201C' || c == '\u201D') {
        for (int k = i + 1; k < s.length() && close < 0; k++) {
          char q = s.charAt(k);
          if (q == '"' || q == '\u201C' || q == '\u201D') {
            close = k;
          }
        }
      }
      if (close > i) {
        sb.append(' ');
        i = close + 1;
      } else {
        sb.append(c);
        i++;
      }
    }
    String out = TextFolding.clean(sb);
    return out.isEmpty() ? s : out;
  }

  /** Splits on spaces and splits run-together initials ({@code J.R.R.}). */
  static List<String> splitTokens(String s) {
    List<String> out = new ArrayList<>(4);
    for (String raw : s.split(" ", 0)) {
      String t = raw.strip();
      if (t.isEmpty() || !hasLetterOrDigit(t)) {
        continue;
      }
      if (isRunOfInitials(t)) {
        int i = 0;
        while (i < t.length()) {
          int cp = t.codePointAt(i);
          int len = Character.charCount(cp);
          out.add(t.substring(i, i + len) + ".");
          i += len + 1;
        }
      } else {
        out.add(t);
      }
    }
    return out;
  }

  private static boolean hasLetterOrDigit(String t) {
    for (int i = 0; i < t.length(); i++) {
      if (Character.isLetterOrDigit(t.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** {@code J.R.} or {@code J.R.R.}: two or more single letters each followed by a period. */
  private static boolean isRunOfInitials(String t) {
    int i = 0;
    int count = 0;
    while (i < t.length()) {
      int cp = t.codePointAt(i);
      if (!Character.isLetter(cp)) {
        return false;
      }
      i += Character.charCount(cp);
      if (i >= t.length() || t.charAt(i) != '.') {
        return false;
      }
      i++;
      count++;
    }
    return count >= 2;
  }

  private static boolean isInitial(String t) {
    if (TextFolding.isAscii(t)) {
      int letters = 0;
      for (int i = 0; i < t.length(); i++) {
        if (EmailNormalizer.isAsciiLetterOrDigit(t.charAt(i)) && ++letters > 1) {
          return false;
        }
      }
      return letters == 1;
    }
    String k = key(t);
    return k.codePointCount(0, k.length()) == 1;
  }

  /** The key of one word with no spaces: {@code "Ph.D."} gives {@code phd}. */
  private static String wordKey(String token) {
    if (TextFolding.isAscii(token)) {
      StringBuilder sb = null;
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        boolean keep = EmailNormalizer.isAsciiLetterOrDigit(c);
        boolean lower = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (sb == null && (!keep || !lower)) {
          sb = new StringBuilder(token.length());
          sb.append(token, 0, i);
        }
        if (sb != null && keep) {
          sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
      }
      return sb == null ? token : sb.toString();
    }
    return key(token).replace(" ", "");
  }

  /** Particles compare without case but with accents: Vietnamese "Văn" is no Dutch "van". */
  private static boolean isParticle(String token) {
    return Defaults.PARTICLES.contains(token.toLowerCase(Locale.ROOT));
  }

  private static boolean isSuffixPhrase(String part) {
    List<String> tokens = splitTokens(part);
    if (tokens.isEmpty()) {
      return false;
    }
    for (String t : tokens) {
      if (!Defaults.SUFFIXES.contains(wordKey(t))) {
        return false;
      }
    }
    return true;
  }

  private static void takeHonorifics(List<String> tokens, List<String> into) {
    while (tokens.size() > 1 && Defaults.HONORIFICS.contains(wordKey(tokens.get(0)))) {
      into.add(tokens.remove(0));
    }
  }

  private static void takeSuffixes(List<String> tokens, List<String> into) {
    int at = into.size();
    while (tokens.size() > 1
        && Defaults.SUFFIXES.contains(wordKey(tokens.get(tokens.size() - 1)))) {
      into.add(at, tokens.remove(tokens.size() - 1));
    }
  }

  private static String joinDisplay(List<String> tokens, boolean honorific) {
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(honorific ? capitalize(wordKey(t)) : suffixDisplay(wordKey(t)));
    }
    return sb.toString();
  }

  private static String suffixDisplay(String key) {
    switch (key) {
      case "jr":
      case "sr":
      case "esq":
        return capitalize(key);
      case "phd":
        return "PhD";
      case "dphil":
        return "DPhil";
      case "msc":
        return "MSc";
      case "bsc":
        return "BSc";
      default:
        return key.toUpperCase(Locale.ROOT);
    }
  }

  private static String capitalize(String key) {
    if (key.isEmpty()) {
      return key;
    }
    int cp = key.codePointAt(0);
    int len = Character.charCount(cp);
    return new String(Character.toChars(cp)).toUpperCase(Locale.ROOT) + key.substring(len);
  }

  /**
   * Display form of one word: a trailing period is dropped from initials, and a word written all
   * in upper or all in lower case is title-cased (particles lower-cased).
   */
  static String displayWord(String token, boolean particle) {
    String t = token;
    if (t.endsWith(".") && isInitial(t)) {
      t = t.substring(0, t.length() - 1);
    }
    boolean hasUpper = false;
    boolean hasLower = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      hasUpper |= Character.isUpperCase(c);
      hasLower |= Character.isLowerCase(c);
    }
    if (hasUpper && hasLower) {
      return t;
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (particle) {
      return lower;
    }
    StringBuilder sb = new StringBuilder(lower.length());
    boolean capNext = true;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (capNext && Character.isLetter(cp)) {
        sb.append(new String(Character.toChars(cp)).toUpperCase(Locale.ROOT));
        capNext = false;
      } else {
        sb.appendCodePoint(cp);
      }
      if (cp == '-' || cp == ' ') {
        capNext = true;
      } else if ((cp == '\'' || cp == '\u2019') && sb.length() <= 2 && i + 1 < lower.length()) {
        capNext = true; // O'Neil, D'Arcy
      }
    }
    String out = sb.toString();
    if (out.length() > 3 && out.startsWith("Mc") && Character.isLetter(out.charAt(2))) {
      out = "Mc" + out.substring(2, 3).toUpperCase(Locale.ROOT) + out.substring(3);
    }
    return out;
  }

  private static Map<String, Set<String>> invert(Map<String, Set<String>> byFormal) {
    Map<String, Set<String>> out = new HashMap<>();
    for (Map.Entry<String, Set<String>> e : byFormal.entrySet()) {
      for (String nick : e.getValue()) {
        out.computeIfAbsent(nick, k -> new HashSet<>()).add(e.getKey());
      }
    }
    Map<String, Set<String>> frozen = new HashMap<>();
    out.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
    return Map.copyOf(frozen);
  }

  static Map<String, Set<String>> loadNicknames(DataFile file) {
    Map<String, Set<String>> out = new HashMap<>();
    for (DataFile.Line line : file.lines()) {
      int colon = line.text().indexOf(':');
      if (colon <= 0) {
        throw line.error("expected 'formal: nickname, nickname', found '" + line.text() + "'");
      }
      String formal = key(line.text().substring(0, colon));
      Set<String> nicks = out.computeIfAbsent(formal, k -> new HashSet<>());
      for (String n : line.text().substring(colon + 1).split(",", 0)) {
        String nick = key(n);
        if (!nick.isEmpty() && !nick.equals(formal)) {
          nicks.add(nick);
        }
      }
    }
    Map<String, Set<String>> frozen = new HashMap<>();
    out.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
    return Map.copyOf(frozen);
  }

  @Override
  public String toString() {
    return "PersonNameNormalizer{field=" + field + ", nicknames=" + nicknamesByFormal.size() + "}";
  }

  /** The bundled lists, loaded once. */
  private static final class Defaults {
    static final Map<String, Set<String>> NICKNAMES =
        loadNicknames(DataFile.resource("nicknames.txt"));
    static final Set<String> HONORIFICS = DomainSets.resource("honorifics.txt");
    static final Set<String> SUFFIXES = DomainSets.resource("name-suffixes.txt");
    static final Set<String> PARTICLES = DomainSets.resource("surname-particles.txt");
  }

  /**
   * A builder of {@link PersonNameNormalizer}s. Each option can be set once.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String field = "name";
    private String firstField = "first_name";
    private String lastField = "last_name";
    private boolean fieldsSet;
    private @Nullable Map<String, Set<String>> nicknames;

    private Builder() {}

    /**
     * Sets the field names written in findings: for a full name (default {@code name}), a first
     * name ({@code first_name}) and a last name ({@code last_name}).
     */
    public Builder fields(String fullName, String firstName, String lastName) {
      Checks.checkNotSet(fieldsSet, "fields");
      this.field = Checks.checkFieldName(fullName);
      this.firstField = Checks.checkFieldName(firstName);
      this.lastField = Checks.checkFieldName(lastName);
      fieldsSet = true;
      return this;
    }

    /**
     * Replaces the nickname table with the one in {@code file} (lines
     * {@code formal: nickname, nickname}).
     *
     * @throws dev.mops.core.config.ConfigException naming the line when one is malformed
     */
    public Builder nicknames(Path file) {
      Checks.checkNotSet(nicknames != null, "nicknames");
      nicknames = loadNicknames(DataFile.file(file));
      return this;
    }

    /** Replaces the nickname table with {@code formalToNicknames}. */
    public Builder nicknames(Map<String, ? extends Collection<String>> formalToNicknames) {
      Checks.checkNotSet(nicknames != null, "nicknames");
      List<String> lines = new ArrayList<>();
      formalToNicknames.forEach((formal, nicks) -> lines.add(formal + ": " + String.join(",", nicks)));
      nicknames = loadNicknames(DataFile.entries("nicknames", lines));
      return this;
    }

    /** Returns a new normalizer with these options. */
    public PersonNameNormalizer build() {
      return new PersonNameNormalizer(this);
    }
  }
}

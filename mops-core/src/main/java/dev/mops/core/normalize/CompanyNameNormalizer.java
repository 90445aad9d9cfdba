package dev.mops.core.normalize;

import dev.mops.core.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A normalizer of company names to a match key, so that {@code "The Acme Co., Inc."} and
 * {@code "ACME COMPANY"} compare equal while the original is kept.
 *
 * <p>The key is built from the name's words: Unicode NFKC, case and accents folded, periods and
 * apostrophes dropped ({@code S.A.} = {@code SA}), other punctuation separating words, {@code &}
 * read as "and", runs of single letters joined ({@code A B C} = {@code ABC}), a leading "the"
 * dropped, and legal-form designations from many countries ({@code Inc}, {@code LLC},
 * {@code Ltd}, {@code GmbH}, {@code S.A.}, {@code SAS}, {@code B.V.}, {@code Pty Ltd},
 * {@code K.K.}, {@code Co.} ...) removed from the end one after another (and a few, such as
 * Indonesia's {@code PT}, from the front). A name is never reduced to nothing: {@code "Company"}
 * keeps its only word.
 *
 * <pre>{@code
 * CompanyNameNormalizer companies = CompanyNameNormalizer.builder().build();
 * companies.normalize("The Acme Co., Inc.").key();   // "acme"
 * companies.normalize("Müller & Söhne GmbH").key();  // "muller and sohne"
 * }</pre>
 *
 * <p>Thread safety: immutable and thread-safe.
 */
public final class CompanyNameNormalizer {

  /** Longest name accepted, in chars; longer values are reported and not normalized. */
  public static final int MAX_LENGTH = 512;


  private final String field;
  private final LegalForms forms;

  /**
   * The legal forms as word sequences, split by position; suffixes are also indexed by their last
   * word, longest first, so that stripping looks at a handful of candidates only.
   */
  record LegalForms(
      List<List<String>> suffixes,
      List<List<String>> prefixes,
      Map<String, List<List<String>>> suffixesByLastWord) {

    LegalForms(List<List<String>> suffixes, List<List<String>> prefixes) {
      this(suffixes, prefixes, index(suffixes));
    }

    private static Map<String, List<List<String>>> index(List<List<String>> suffixes) {
      Map<String, List<List<String>>> byLast = new HashMap<>();
      for (List<String> suffix : suffixes) { // already longest first
        byLast.computeIfAbsent(suffix.get(suffix.size() - 1), k -> new ArrayList<>()).add(suffix);
      }
      Map<String, List<List<String>>> frozen = new HashMap<>();
      byLast.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
      return Map.copyOf(frozen);
    }
  }

  private CompanyNameNormalizer(Builder b) {
    this.field = b.field;
    this.forms = b.forms != null ? b.forms : Defaults.FORMS;
  }

  /** Returns a new builder with the bundled legal forms and field {@code company}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Normalizes one company name. Never throws on bad data. */
  public NormalizedCompanyName normalize(@Nullable CharSequence raw) {
    if (raw == null) {
      return new NormalizedCompanyName("", "", "", List.of(), List.of());
    }
    String original = raw.toString();
    String display = TextFolding.clean(original);
    if (display.isEmpty()) {
      return new NormalizedCompanyName(original, "", "", List.of(), List.of());
    }
    if (display.length() > MAX_LENGTH) {
      return new NormalizedCompanyName(original, display, "", List.of(), List.of(Finding.error(
          "COMPANY_TOO_LONG", field, original, "longer than " + MAX_LENGTH + " characters")));
    }
    List<String> tokens = words(display);
    if (tokens.isEmpty()) {
      return new NormalizedCompanyName(original, display, "", List.of(), List.of(
          Finding.warning("COMPANY_NOT_A_NAME", field, original, "no letters or digits")));
    }
    List<Finding> findings = new ArrayList<>(0);
    if (PlaceholderValues.isPlaceholderKey(PlaceholderValues.Kind.COMPANY, TextFolding.join(tokens, 0, tokens.size()))) {
      findings.add(Finding.warning("COMPANY_PLACEHOLDER", field, original,
          "looks like a placeholder or a non-company answer, not a company name"));
    }
    int from = 0;
    int to = tokens.size();
    List<String> removed = new ArrayList<>(1);
    boolean front = true;
    while (front) {
      front = false;
      while (to - from > 1 && tokens.get(from).equals("the")) {
        from++;
      }
      for (List<String> prefix : forms.prefixes()) {
        int n = prefix.size();
        if (to - from > n && tokens.subList(from, from + n).equals(prefix)) {
          removed.add(String.join(" ", prefix));
          from += n;
          front = true;
          break;
        }
      }
    }
    int suffixAt = removed.size();
    boolean progress = true;
    while (progress) {
      progress = false;
      while (to - from > 1 && tokens.get(to - 1).equals("and")) {
        to--;
      }
      int best = 0;
      List<List<String>> candidates = forms.suffixesByLastWord().get(tokens.get(to - 1));
      if (candidates != null) {
        for (List<String> suffix : candidates) {
          int n = suffix.size();
          if (to - from > n && tokens.subList(to - n, to).equals(suffix)) {
            best = n;
            break; // longest first
          }
        }
      }
      if (best > 0) {
        removed.add(suffixAt, TextFolding.join(tokens, to - best, to));
        to -= best;
        progress = true;
      }
    }
    if (findings.isEmpty() && removed.isEmpty() && to - from == 1
        && isLegalFormOnly(tokens.get(from))) {
      findings.add(Finding.warning("COMPANY_LEGAL_FORM_ONLY", field, original,
          "the name is only a legal form"));
    }
    String key = TextFolding.join(tokens, from, to);
    return new NormalizedCompanyName(original, display, key, removed, findings);
  }

  private boolean isLegalFormOnly(String token) {
    List<List<String>> candidates = forms.suffixesByLastWord().get(token);
    return candidates != null && candidates.contains(List.of(token));
  }

  /**
   * The name's words: parenthesized notes dropped unless they hold a legal form
   * ({@code "Alphabet Inc. (Google)"}, but {@code "Acme AB (publ)"}), "und" and "et" read as
   * "and", runs of single letters joined.
   */
  private List<String> words(String display) {
    String text = display;
    int open = text.indexOf('(');
    if (open >= 0) {
      StringBuilder sb = new StringBuilder(text.length());
      int i = 0;
      while (open >= 0) {
        int close = text.indexOf(')', open + 1);
        if (close < 0) {
          break;
        }
        sb.append(text, i, open);
        String inner = text.substring(open + 1, close);
        List<String> innerWords = joinSingleLetters(TextFolding.tokens(inner));
        if (forms.suffixes().contains(innerWords)) {
          sb.append(' ').append(inner).append(' ');
        } else {
          sb.append(' ');
        }
        i = close + 1;
        open = text.indexOf('(', i);
      }
      sb.append(text, i, text.length());
      text = sb.toString();
    }
    List<String> tokens = TextFolding.tokens(text);
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.equals("und") || t.equals("et")) {
        tokens.set(i, "and");
      }
    }
    return joinSingleLetters(tokens);
  }

  /** Joins runs of two or more one-letter tokens: {@code a b c} to {@code abc}. */
  static List<String> joinSingleLetters(List<String> tokens) {
    List<String> out = null;
    for (int i = 0; i < tokens.size(); i++) {
      int j = i;
      while (j < tokens.size() && isOneLetter(tokens.get(j))) {
        j++;
      }
      if (j - i >= 2) {
        if (out == null) {
          out = new ArrayList<>(tokens.subList(0, i));
        }
        StringBuilder sb = new StringBuilder(j - i);
        for (int k = i; k < j; k++) {
          sb.append(tokens.get(k));
        }
        out.add(sb.toString());
        i = j - 1;
      } else if (out != null) {
        out.add(tokens.get(i));
      }
    }
    return out == null ? tokens : out;
  }

  private static boolean isOneLetter(String token) {
    return token.codePointCount(0, token.length()) == 1
        && Character.isLetter(token.codePointAt(0));
  }

  static LegalForms loadForms(DataFile file) {
    Set<List<String>> suffixes = new HashSet<>();
    Set<List<String>> prefixes = new HashSet<>();
    for (DataFile.Line line : file.lines()) {
      int bar = line.text().indexOf('|');
      String form = (bar >= 0 ? line.text().substring(0, bar) : line.text()).strip();
      boolean prefix = form.startsWith("prefix ");
      if (prefix) {
        form = form.substring(7);
      }
      List<String> tokens = joinSingleLetters(TextFolding.tokens(form));
      if (tokens.isEmpty()) {
        throw line.error("expected a legal form, found '" + line.text() + "'");
      }
      (prefix ? prefixes : suffixes).add(List.copyOf(tokens));
    }
    return new LegalForms(sortLongestFirst(suffixes), sortLongestFirst(prefixes));
  }

  private static List<List<String>> sortLongestFirst(Set<List<String>> forms) {
    List<List<String>> list = new ArrayList<>(forms);
    list.sort((a, b) -> b.size() != a.size() ? b.size() - a.size()
        : String.join(" ", a).compareTo(String.join(" ", b)));
    return List.copyOf(list);
  }

  @Override
  public String toString() {
    return "CompanyNameNormalizer{field=" + field + ", legalForms=" + forms.suffixes().size()
        + "+" + forms.prefixes().size() + "}";
  }

  /** The bundled list, loaded once. */
  private static final class Defaults {
    static final LegalForms FORMS = loadForms(DataFile.resource("legal-forms.txt"));
  }

  /**
   * A builder of {@link CompanyNameNormalizer}s. Each option can be set once.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String field = "company";
    private boolean fieldSet;
    private @Nullable LegalForms forms;

    private Builder() {}

    /** Sets the field name written in findings (default {@code company}). */
    public Builder field(String field) {
      Checks.checkNotSet(fieldSet, "field");
      this.field = Checks.checkFieldName(field);
      fieldSet = true;
      return this;
    }

    /**
     * Replaces the legal forms with those in {@code file} (lines {@code form | note}, or
     * {@code prefix form | note} for forms written before the name).
     */
    public Builder legalForms(Path file) {
      Checks.checkNotSet(forms != null, "legalForms");
      forms = loadForms(DataFile.file(file));
      return this;
    }

    /** Replaces the legal forms with {@code forms}, one designation each ({@code "GmbH"}). */
    public Builder legalForms(Collection<String> forms) {
      Checks.checkNotSet(this.forms != null, "legalForms");
      this.forms = loadForms(DataFile.entries("legalForms", forms));
      return this;
    }

    /** Returns a new normalizer with these options. */
    public CompanyNameNormalizer build() {
      return new CompanyNameNormalizer(this);
    }
  }
}

package dev.mops.taxonomy;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A naming convention for campaigns, programs or assets: a template of tokens and delimiters such
 * as {@code {fy_quarter}_{region}_{channel}_{type?}_{slug}}, each token with its rules (allowed
 * values and aliases, an RE2 pattern, a date format, or a free slug with length and character
 * rules), in one or more versions with effective dates.
 *
 * <pre>{@code
 * NamingConvention c = NamingConvention.load(Path.of("naming.yaml"));
 * ParsedName n = c.parse("FY25Q3_EMEA_paid-search_acq_spring-promo");
 * n.token("region");                       // "EMEA"
 * c.build(Map.of("fy_quarter", "FY25Q3", ...));
 * }</pre>
 *
 * <p>Reading a name: the text between delimiters is each token's value; only the last token may
 * contain its own delimiter. A token marked {@code ?} in the template is optional: when absent,
 * its delimiter is absent too. Among the ways to read a name with optional tokens, the one with the
 * fewest problems wins.
 *
 * <p>Thread safety: immutable and safe to share.
 */
public final class NamingConvention {

  /** Largest name read, in characters; longer names get a {@code VALUE_TOO_LONG} finding. */
  public static final int MAX_NAME_LENGTH = 4_096;

  /**
   * One version of the template. Thread safety: an immutable value.
   *
   * @param version the label of this version
   * @param effectiveFrom the first day it applies, or {@code null} for always
   * @param template the template text
   */
  public record TemplateVersion(String version, @Nullable LocalDate effectiveFrom, String template) {
    /** Validates the components. */
    public TemplateVersion {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(template, "template");
    }
  }

  /** A token's rules. */
  static final class Token {
    final String name;
    final ValueRule rule;
    final @Nullable DateTimeFormatter date;
    final @Nullable String dateFormat;

    Token(String name, ValueRule rule, @Nullable DateTimeFormatter date, @Nullable String dateFormat) {
      this.name = name;
      this.rule = rule;
      this.date = date;
      this.dateFormat = dateFormat;
    }
  }

  /** A parsed template: prefix, tokens each with the delimiter before it, suffix. */
  static final class Template {
    final TemplateVersion version;
    final String prefix;
    final List<Token> tokens = new ArrayList<>();
    final List<String> separators = new ArrayList<>(); // separator before token i (unused for i = 0)
    final List<Boolean> optional = new ArrayList<>();
    String suffix = "";

    Template(TemplateVersion version, String prefix) {
      this.version = version;
      this.prefix = prefix;
    }
  }

  private final String name;
  private final String version;
  private final String contentHash;
  private final Map<String, Token> tokens;
  private final List<Template> templates; // by effective date, oldest first

  NamingConvention(String name, String version, String contentHash, Map<String, Token> tokens,
      List<Template> templates) {
    this.name = name;
    this.version = version;
    this.contentHash = contentHash;
    this.tokens = Collections.unmodifiableMap(tokens);
    this.templates = List.copyOf(templates);
  }

  /** Loads a convention file; throws a {@link ConfigException} when it is invalid. */
  public static NamingConvention load(Path file) {
    return fromDocument(ConfigLoader.standard().load(file));
  }

  /** Loads a convention from YAML text; {@code source} names it in errors. */
  public static NamingConvention parse(String source, String yaml) {
    return fromDocument(ConfigLoader.standard().loadString(source, yaml));
  }

  /** Reads a convention from a loaded document (see {@link NamingConventionReader}). */
  public static NamingConvention fromDocument(ConfigDocument doc) {
    return NamingConventionReader.read(doc);
  }

  /** Returns the convention's name. */
  public String name() {
    return name;
  }

  /** Returns the file's {@code version}. */
  public String version() {
    return version;
  }

  /** Returns the {@code sha256:} hash of the file's content. */
  public String contentHash() {
    return contentHash;
  }

  /** Returns the declared token names, in declaration order. */
  public List<String> tokenNames() {
    return List.copyOf(tokens.keySet());
  }

  /** Returns the template versions, oldest first. */
  public List<TemplateVersion> versions() {
    List<TemplateVersion> out = new ArrayList<>();
    for (Template t : templates) {
      out.add(t.version);
    }
    return out;
  }

  /**
   * Reads a name with the newest template; when it does not fit but an older version does, returns
   * that reading, valid, with an {@code OLDER_VERSION} info issue.
   */
  public ParsedName parse(@Nullable String name) {
    String n = name == null ? "" : name;
    Template newest = templates.get(templates.size() - 1);
    ParsedName result = read(n, newest);
    if (result.valid()) {
      return result;
    }
    for (int i = templates.size() - 2; i >= 0; i--) {
      ParsedName older = read(n, templates.get(i));
      if (older.valid()) {
        List<NamingIssue> issues = new ArrayList<>(older.issues());
        issues.add(new NamingIssue(Finding.info(TaxonomyCodes.OLDER_VERSION, "", n,
            "the name follows version '" + older.conventionVersion() + "', not the newest '"
                + newest.version.version() + "'"), 0, n.length(), null));
        return new ParsedName(n, true, older.conventionVersion(), older.tokens(), issues, older.suggestion());
      }
    }
    return result;
  }

  /** Reads a name with the template version in effect on {@code asOf}. */
  public ParsedName parse(@Nullable String name, LocalDate asOf) {
    String n = name == null ? "" : name;
    Template t = inEffect(asOf);
    if (t == null) {
      return new ParsedName(n, false, "", Map.of(), List.of(new NamingIssue(Finding.error(
          TaxonomyCodes.NO_VERSION_IN_EFFECT, "", asOf.toString(), "no version of the convention is in effect on " + asOf),
          0, 0, null)), null);
    }
    return read(n, t);
  }

  private @Nullable Template inEffect(LocalDate asOf) {
    Template found = null;
    for (Template t : templates) {
      LocalDate from = t.version.effectiveFrom();
      if (from == null || !from.isAfter(asOf)) {
        found = t;
      }
    }
    return found;
  }

  /**
   * Builds a name from token values with the newest template; aliases and case are corrected.
   *
   * @throws IllegalArgumentException naming the token when a required token is missing, a value
   *     breaks its rules, or a token is not in the template
   */
  public String build(Map<String, String> values) {
    return build(values, templates.get(templates.size() - 1));
  }

  /** Builds a name with the template version in effect on {@code asOf}; see {@link #build(Map)}. */
  public String build(Map<String, String> values, LocalDate asOf) {
    Template t = inEffect(asOf);
    if (t == null) {
      throw new IllegalArgumentException("no version of convention " + name + " is in effect on " + asOf);
    }
    return build(values, t);
  }

  private String build(Map<String, String> values, Template t) {
    Set<String> known = new HashSet<>();
    for (Token tok : t.tokens) {
      known.add(tok.name);
    }
    for (String k : values.keySet()) {
      if (!known.contains(k)) {
        throw new IllegalArgumentException("token '" + k + "' is not in template " + t.version.template());
      }
    }
    StringBuilder sb = new StringBuilder(t.prefix);
    boolean first = true;
    for (int i = 0; i < t.tokens.size(); i++) {
      Token tok = t.tokens.get(i);
      String v = values.get(tok.name);
      if (v == null || v.isEmpty()) {
        if (t.optional.get(i)) {
          continue;
        }
        throw new IllegalArgumentException("token '" + tok.name + "' is required by template " + t.version.template());
      }
      TokenCheck c = checkToken(tok, v, 0);
      if (c.fixed == null) {
        throw new IllegalArgumentException("token '" + tok.name + "' value '" + v + "': " + c.issues.get(0).finding().message());
      }
      if (!first) {
        sb.append(t.separators.get(i));
      }
      sb.append(c.fixed);
      first = false;
    }
    sb.append(t.suffix);
    String built = sb.toString();
    ParsedName check = read(built, t);
    if (!check.valid()) {
      throw new IllegalArgumentException("values give '" + built + "', which does not read back: " + check.issueSummary());
    }
    return built;
  }

  private static final class TokenCheck {
    final List<NamingIssue> issues = new ArrayList<>(1);
    @Nullable String fixed;
    @Nullable String proposal;
  }

  private static TokenCheck checkToken(Token tok, String value, int start) {
    TokenCheck out = new TokenCheck();
    int end = start + value.length();
    if (value.isEmpty()) {
      out.issues.add(new NamingIssue(Finding.error(TaxonomyCodes.EMPTY_TOKEN, tok.name, value,
          "token '" + tok.name + "' is empty"), start, end, null));
      return out;
    }
    ValueRule.Check c = tok.rule.check(value);
    String proposal = c.fixed;
    for (ValueRule.Issue i : c.issues) {
      out.issues.add(new NamingIssue(i.toFinding(tok.name, value), start, end, i.suggestion()));
      if (proposal == null && i.suggestion() != null && i.code().equals(TaxonomyCodes.VALUE_NOT_ALLOWED)) {
        proposal = i.suggestion();
      }
    }
    String dateValue = c.fixed == null ? value : c.fixed;
    if (tok.date != null) {
      try {
        tok.date.parse(dateValue);
      } catch (DateTimeParseException e) {
        out.issues.add(new NamingIssue(Finding.error(TaxonomyCodes.INVALID_DATE, tok.name, value,
            "'" + value + "' is not a date in format " + tok.dateFormat), start, end, null));
        out.fixed = null;
        out.proposal = null;
        return out;
      }
    }
    out.fixed = c.fixed;
    out.proposal = proposal;
    return out;
  }

  /** One way of reading a name with a subset of the optional tokens. */
  private static final class Reading {
    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, String> proposals = new LinkedHashMap<>();
    final List<NamingIssue> issues = new ArrayList<>();
    boolean structural;
    boolean proposable = true;
    int missing;

    int score() {
      int s = structural ? 1000 + 100 * missing : 0;
      for (NamingIssue i : issues) {
        s += i.finding().severity() == Severity.ERROR ? 10 : i.finding().severity() == Severity.WARNING ? 3 : 0;
      }
      return s;
    }
  }

  private ParsedName read(String name, Template t) {
    String label = t.version.version();
    if (name.isBlank()) {
      return new ParsedName(name, false, label, Map.of(), List.of(new NamingIssue(
          Finding.error(TaxonomyCodes.EMPTY_NAME, "", name, "the name is empty"), 0, 0, null)), null);
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return new ParsedName(name, false, label, Map.of(), List.of(new NamingIssue(
          Finding.error(TaxonomyCodes.VALUE_TOO_LONG, "", name, "the name has " + name.length()
              + " characters, over the limit of " + MAX_NAME_LENGTH), 0, name.length(), null)), null);
    }
    List<Integer> optionalIdx = new ArrayList<>();
    for (int i = 0; i < t.tokens.size(); i++) {
      if (t.optional.get(i)) {
        optionalIdx.add(i);
      }
    }
    Reading best = null;
    for (int mask = (1 << optionalIdx.size()) - 1; mask >= 0; mask--) {
      boolean[] include = new boolean[t.tokens.size()];
      java.util.Arrays.fill(include, true);
      for (int b = 0; b < optionalIdx.size(); b++) {
        include[optionalIdx.get(b)] = (mask & (1 << b)) != 0;
      }
      Reading r = readWith(name, t, include);
      if (best == null || r.score() < best.score()) {
        best = r;
      }
    }
    Reading r = Objects.requireNonNull(best);
    r.issues.sort(Comparator.comparingInt(NamingIssue::start));
    boolean valid = r.issues.stream().allMatch(i -> i.finding().severity() == Severity.INFO);
    String suggestion = null;
    if (!valid && !r.structural && r.proposable) {
      StringBuilder sb = new StringBuilder(t.prefix);
      boolean first = true;
      for (int i = 0; i < t.tokens.size(); i++) {
        String v = r.proposals.get(t.tokens.get(i).name);
        if (v == null) {
          continue;
        }
        if (!first) {
          sb.append(t.separators.get(i));
        }
        sb.append(v);
        first = false;
      }
      sb.append(t.suffix);
      String candidate = sb.toString();
      if (!candidate.equals(name) && readWithAll(candidate, t)) {
        suggestion = candidate;
      }
    }
    return new ParsedName(name, valid, label, r.values, r.issues, suggestion);
  }

  private boolean readWithAll(String candidate, Template t) {
    ParsedName again = read(candidate, t);
    return again.valid();
  }

  private static Reading readWith(String name, Template t, boolean[] include) {
    Reading r = new Reading();
    if (!name.startsWith(t.prefix) || !name.endsWith(t.suffix) || name.length() < t.prefix.length() + t.suffix.length()) {
      r.structural = true;
      r.issues.add(new NamingIssue(Finding.error(TaxonomyCodes.TEMPLATE_MISMATCH, "", name,
          "the name should start with '" + t.prefix + "' and end with '" + t.suffix + "'"), 0, 0, null));
      return r;
    }
    int p = t.prefix.length();
    int end = name.length() - t.suffix.length();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < t.tokens.size(); i++) {
      if (include[i]) {
        order.add(i);
      }
    }
    for (int k = 0; k < order.size(); k++) {
      int i = order.get(k);
      Token tok = t.tokens.get(i);
      int valueEnd;
      int nextStart;
      if (k + 1 < order.size()) {
        String sep = t.separators.get(order.get(k + 1));
        int idx = name.indexOf(sep, p);
        if (idx < 0 || idx > end) {
          // the rest of the name is this token; the following tokens are missing
          String v = name.substring(p, end);
          r.values.put(tok.name, v);
          TokenCheck c = checkToken(tok, v, p);
          r.issues.addAll(c.issues);
          r.structural = true;
          r.missing = order.size() - k - 1;
          List<String> missing = new ArrayList<>();
          for (int m = k + 1; m < order.size(); m++) {
            missing.add(t.tokens.get(order.get(m)).name);
          }
          r.issues.add(new NamingIssue(Finding.error(TaxonomyCodes.MISSING_TOKEN, missing.get(0), null,
              "expected " + String.join(", ", missing) + " after '" + sep + "'; the name has " + (k + 1)
                  + " of " + order.size() + " parts"), end, end, null));
          return r;
        }
        valueEnd = idx;
        nextStart = idx + sep.length();
      } else {
        valueEnd = end;
        nextStart = end;
      }
      String v = name.substring(p, valueEnd);
      r.values.put(tok.name, v);
      TokenCheck c = checkToken(tok, v, p);
      r.issues.addAll(c.issues);
      if (c.proposal != null) {
        r.proposals.put(tok.name, c.proposal);
      } else if (c.issues.isEmpty()) {
        r.proposals.put(tok.name, v);
      } else {
        r.proposable = false;
      }
      p = nextStart;
    }
    return r;
  }
}

package dev.mops.taxonomy;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A linter of landing-page URLs against a {@link Taxonomy}: {@link #lint} reports every problem
 * with a code, severity and suggestion, and {@link #fix} returns the corrected URL when every
 * problem can be fixed automatically.
 *
 * <p>The linter parses with {@link UtmParser} reading the fragment too, so that parameters after
 * {@code #} can be checked and moved into the query. Automatic fixes: parameter names in the wrong
 * case or with spaces, duplicates (later ones dropped), empty parameters (dropped), parameters after
 * {@code #} (moved to the query), a second {@code ?} (made {@code &}), double encoding, bad percent
 * escapes and raw spaces (re-encoded), values in the wrong case, aliases and spaces where the
 * taxonomy sets a replacement. Values outside the list, pattern and length failures, unfilled macros
 * and missing parameters need a person; they come with a suggestion when one is near. A fixed URL
 * is linted again and offered only when it is clean; untouched pairs keep their original text.
 *
 * <p>Thread safety: immutable and safe to share.
 */
public final class TaxonomyLinter {

  private static final Set<String> FIXABLE_PARSER_CODES = Set.of(
      TaxonomyCodes.DUPLICATE_PARAMETER, TaxonomyCodes.PARAMETER_NAME_CASE,
      TaxonomyCodes.PARAMETER_NAME_WHITESPACE, TaxonomyCodes.DOUBLE_ENCODED,
      TaxonomyCodes.PARAMETER_IN_FRAGMENT, TaxonomyCodes.EMPTY_VALUE, TaxonomyCodes.BAD_PERCENT_ESCAPE,
      TaxonomyCodes.SECOND_QUESTION_MARK, TaxonomyCodes.RAW_SPACE, TaxonomyCodes.CONTROL_CHARACTER,
      TaxonomyCodes.PLUS_AS_SPACE, TaxonomyCodes.MISSING_SCHEME);

  private final Taxonomy taxonomy;
  private final UtmParser parser;

  private TaxonomyLinter(Taxonomy taxonomy, UtmParser parser) {
    this.taxonomy = taxonomy;
    this.parser = parser;
  }

  /** Returns a linter for {@code taxonomy} with the parser's default limits. */
  public static TaxonomyLinter of(Taxonomy taxonomy) {
    return new TaxonomyLinter(Objects.requireNonNull(taxonomy, "taxonomy"),
        UtmParser.builder().readFragment(true).build());
  }

  /** Returns the taxonomy this linter checks against. */
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /** Lints one URL; never throws on data. */
  public LintResult lint(@Nullable String url) {
    Pass firstPass = pass(url);
    LintResult first = Objects.requireNonNull(firstPass.result);
    if (first.valid() || first.issues().stream().anyMatch(i -> !i.fixable() && i.severity() != Severity.INFO)) {
      return first;
    }
    String candidate = rebuild(first, firstPass.fixedValues);
    LintResult again = candidate == null ? null : lintOnce(candidate);
    String fixed = again != null && again.valid() ? candidate : null;
    return new LintResult(first.url(), false, first.issues(), fixed, first.parsed(), first.taxonomyVersion());
  }

  /** Returns the corrected URL when every problem is fixable, the URL itself when it is valid, else empty. */
  public Optional<String> fix(@Nullable String url) {
    LintResult r = lint(url);
    if (r.valid()) {
      return Optional.of(r.url());
    }
    return Optional.ofNullable(r.fixedUrl());
  }

  /** The issues and corrected values found while linting, per parameter. */
  private static final class Pass {
    final List<LintIssue> issues = new ArrayList<>();
    final Map<UtmParameter, String> fixedValues = new EnumMap<>(UtmParameter.class);
    @Nullable LintResult result;
  }

  private LintResult lintOnce(@Nullable String url) {
    return java.util.Objects.requireNonNull(pass(url).result, "a lint pass always sets its result");
  }

  private Pass pass(@Nullable String url) {
    ParsedUrl parsed = parser.parse(url);
    Pass pass = new Pass();
    Set<String> doubleEncoded = new HashSet<>();
    Set<String> undeclaredSeen = new HashSet<>();
    for (Finding f : parsed.findings()) {
      if (f.code().equals(TaxonomyCodes.UNKNOWN_UTM_PARAMETER) && taxonomy.undeclared != null) {
        continue; // reported below as UNDECLARED_PARAMETER
      }
      if (f.code().equals(TaxonomyCodes.DOUBLE_ENCODED)) {
        doubleEncoded.add(f.field());
      }
      String suggestion = f.code().equals(TaxonomyCodes.PARAMETER_NAME_CASE)
          || f.code().equals(TaxonomyCodes.PARAMETER_NAME_WHITESPACE) ? f.field() : null;
      pass.issues.add(new LintIssue(f, suggestion, FIXABLE_PARSER_CODES.contains(f.code())));
    }
    for (Map.Entry<UtmParameter, ValueRule> e : taxonomy.rules.entrySet()) {
      UtmParameter p = e.getKey();
      String value = parsed.utm().get(p);
      if (value == null) {
        if (taxonomy.isRequired(p)) {
          pass.issues.add(new LintIssue(Finding.error(TaxonomyCodes.MISSING_PARAMETER, p.parameterName(), null,
              "'" + p.parameterName() + "' is required"), null, false));
        }
        continue;
      }
      if (doubleEncoded.contains(p.parameterName())) {
        value = percentDecode(value);
      }
      ValueRule.Check check = e.getValue().check(value);
      for (ValueRule.Issue i : check.issues) {
        pass.issues.add(new LintIssue(i.toFinding(p.parameterName(), value), i.suggestion(), i.fixable()));
      }
      if (check.fixed != null) {
        pass.fixedValues.put(p, check.fixed);
      }
    }
    if (taxonomy.undeclared != null) {
      for (QueryParameter q : parsed.parameters()) {
        String n = q.name().strip().toLowerCase(Locale.ROOT);
        UtmParameter p = UtmParameter.byName(n);
        if (n.startsWith("utm_") && (p == null || !taxonomy.rules.containsKey(p)) && undeclaredSeen.add(n)) {
          pass.issues.add(new LintIssue(new Finding(TaxonomyCodes.UNDECLARED_PARAMETER, n, q.value(),
              taxonomy.undeclared, "'" + n + "' is not declared in taxonomy " + taxonomy.name()), null, false));
        }
      }
    }
    String medium = pass.fixedValues.getOrDefault(UtmParameter.MEDIUM, parsed.utm().medium());
    Taxonomy.MediumRule mr = medium == null ? null : taxonomy.mediums.get(medium.toLowerCase(Locale.ROOT));
    if (mr != null) {
      for (UtmParameter p : mr.require) {
        if (parsed.utm().get(p) == null) {
          pass.issues.add(new LintIssue(Finding.error(TaxonomyCodes.MISSING_FOR_MEDIUM, p.parameterName(), null,
              "'" + p.parameterName() + "' is required when utm_medium is '" + medium + "'"), null, false));
        }
      }
      String source = taxonomy.rules.containsKey(UtmParameter.SOURCE)
          ? pass.fixedValues.get(UtmParameter.SOURCE) // null when the source already has an unfixable issue
          : parsed.utm().source();
      if (!mr.sources.isEmpty() && source != null && !mr.sources.containsKey(source.toLowerCase(Locale.ROOT))) {
        String near = NearMatch.nearest(source, mr.sources.values());
        pass.issues.add(new LintIssue(Finding.error(TaxonomyCodes.SOURCE_NOT_ALLOWED_FOR_MEDIUM, "utm_source", source,
            "'" + source + "' is not an allowed source for utm_medium '" + medium + "', expected one of "
                + mr.sources.values()), near, false));
      }
    }
    // a parameter hidden behind a second '?' is missing only until the '?' becomes '&'
    Set<String> hidden = new HashSet<>();
    for (LintIssue i : pass.issues) {
      if (i.code().equals(TaxonomyCodes.SECOND_QUESTION_MARK)) {
        hidden.add(i.parameter());
      }
    }
    if (!hidden.isEmpty()) {
      pass.issues.replaceAll(i -> (i.code().equals(TaxonomyCodes.MISSING_PARAMETER)
          || i.code().equals(TaxonomyCodes.MISSING_FOR_MEDIUM)) && hidden.contains(i.parameter())
          ? new LintIssue(i.finding(), i.suggestion(), true) : i);
    }
    boolean valid = pass.issues.stream().allMatch(i -> i.severity() == Severity.INFO);
    pass.result = new LintResult(url == null ? "" : url, valid, pass.issues, null, parsed, taxonomy.version());
    return pass;
  }

  /** Builds the corrected URL from a first-pass result, or {@code null} when it cannot. */
  private @Nullable String rebuild(LintResult r, Map<UtmParameter, String> firstFixes) {
    ParsedUrl u = r.parsed();
    Map<UtmParameter, String> fixedValues = firstFixes;
    String url = u.url();
    // a second '?' hiding a parameter becomes '&', then the URL is parsed again
    if (r.issues().stream().anyMatch(i -> i.code().equals(TaxonomyCodes.SECOND_QUESTION_MARK))) {
      String q = u.query();
      if (q != null) {
        int qs = url.indexOf('?');
        String newQuery = unhideParameters(q);
        url = url.substring(0, qs + 1) + newQuery + url.substring(qs + 1 + q.length());
        Pass again = pass(url);
        u = Objects.requireNonNull(again.result).parsed();
        fixedValues = again.fixedValues;
      }
    }
    int cut = url.length();
    int qi = url.indexOf('?');
    int hi = url.indexOf('#');
    if (qi >= 0) {
      cut = qi;
    }
    if (hi >= 0 && hi < cut) {
      cut = hi;
    }
    String base = url.substring(0, cut).replace(" ", "%20");
    StringBuilder query = new StringBuilder();
    List<String> fragmentRest = new ArrayList<>();
    boolean fragmentHadTracked = false;
    Set<String> emitted = new HashSet<>();
    for (QueryParameter p : u.parameters()) {
      String canonical = UtmParser.canonicalName(p.name());
      if (canonical == null) {
        if (p.inFragment()) {
          fragmentRest.add(p.raw());
        } else {
          appendPair(query, p.raw());
        }
        continue;
      }
      if (p.inFragment()) {
        fragmentHadTracked = true;
      }
      if (p.value().isEmpty() || !emitted.add(canonical)) {
        continue;
      }
      UtmParameter utm = UtmParameter.byName(canonical);
      String value = p.value();
      if (utm != null && fixedValues.containsKey(utm)) {
        value = fixedValues.get(utm);
      } else if (UtmParser.hasEscape(value)) {
        value = percentDecode(value);
      }
      boolean untouched = canonical.equals(p.name()) && value.equals(p.value()) && !p.inFragment()
          && p.raw().indexOf(' ') < 0 && !p.raw().contains("%%") && !hasBadEscape(p.raw());
      appendPair(query, untouched ? p.raw() : encode(canonical) + "=" + encode(value));
    }
    StringBuilder out = new StringBuilder(base);
    if (query.length() > 0) {
      out.append('?').append(query);
    }
    String fragment = u.fragment();
    if (fragment != null) {
      if (fragmentHadTracked) {
        int fq = fragment.indexOf('?');
        String prefix = fq >= 0 ? fragment.substring(0, fq) : "";
        String rest = String.join("&", fragmentRest);
        fragment = prefix + (rest.isEmpty() ? "" : (fq >= 0 ? "?" : "") + rest);
      }
      if (!fragment.isEmpty()) {
        out.append('#').append(fragment);
      }
    }
    return out.toString();
  }

  /** Turns each '?' that hides a tracked parameter ({@code ?utm_source=}) into '&'. */
  static String unhideParameters(String query) {
    StringBuilder sb = new StringBuilder(query);
    for (int i = query.indexOf('?'); i >= 0; i = query.indexOf('?', i + 1)) {
      int eq = query.indexOf('=', i);
      int amp = query.indexOf('&', i);
      if (eq > i && (amp < 0 || eq < amp) && eq - i <= 41) {
        String name = query.substring(i + 1, eq);
        if (UtmParser.canonicalName(name) != null || (i + 1 < query.length() && query.charAt(i + 1) == '?')) {
          sb.setCharAt(i, '&');
        }
      }
    }
    return sb.toString();
  }

  private static void appendPair(StringBuilder query, String pair) {
    if (query.length() > 0) {
      query.append('&');
    }
    query.append(pair);
  }

  private static boolean hasBadEscape(String raw) {
    for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
      if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
        return true;
      }
    }
    return false;
  }

  /** Percent-encodes everything but unreserved characters ({@code A-Z a-z 0-9 - . _ ~}), as UTF-8. */
  static String encode(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!unreserved(c)) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        byte[] bytes = s.substring(i).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
          int v = b & 0xFF;
          if (v < 0x80 && unreserved((char) v)) {
            sb.append((char) v);
          } else {
            sb.append('%').append(Character.toUpperCase(Character.forDigit(v >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(v & 0xF, 16)));
          }
        }
        break;
      }
    }
    return sb == null ? s : sb.toString();
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
  }

  /** Decodes {@code %XX} escapes once more (no {@code +} handling), for double-encoded values. */
  static String percentDecode(String v) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(v.length());
    for (int i = 0; i < v.length(); ) {
      char c = v.charAt(i);
      if (c == '%' && i + 2 < v.length() && Character.digit(v.charAt(i + 1), 16) >= 0
          && Character.digit(v.charAt(i + 2), 16) >= 0) {
        out.write((Character.digit(v.charAt(i + 1), 16) << 4) | Character.digit(v.charAt(i + 2), 16));
        i += 3;
      } else {
        int cp = v.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i += Character.charCount(cp);
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }
}

package dev.mops.taxonomy;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.mops.core.Finding;
import dev.mops.core.config.ConfigNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules for one value (a UTM parameter or a naming token): allowed values, aliases, case,
 * spaces, allowed characters, a pattern and lengths. Shared by taxonomies and naming conventions.
 */
final class ValueRule {

  enum Case { ANY, LOWER, UPPER }

  /** Keys a value rule accepts in YAML. */
  static final Set<String> KEYS = Set.of(
      "values", "aliases", "case", "space_replacement", "allowed_characters", "pattern",
      "min_length", "max_length");

  /** The outcome of checking one value: issues and the corrected value, or null when unfixable. */
  static final class Check {
    final List<Issue> issues = new ArrayList<>(2);
    @Nullable String fixed;

    boolean clean() {
      return issues.isEmpty();
    }
  }

  /** One problem with a value, before it is placed in a field. */
  record Issue(String code, boolean error, String message, @Nullable String suggestion, boolean fixable) {
    Finding toFinding(String field, @Nullable String raw) {
      return error ? Finding.error(code, field, raw, message) : Finding.warning(code, field, raw, message);
    }
  }

  final Map<String, String> values; // lower-case -> canonical, in declared order
  final Map<String, String> aliases; // lower-case alias -> canonical
  final Case caseRule;
  final @Nullable String spaceReplacement;
  final @Nullable Pattern allowedCharacters;
  final @Nullable String allowedCharactersText;
  final @Nullable Pattern pattern;
  final int minLength;
  final int maxLength;

  ValueRule(Map<String, String> values, Map<String, String> aliases, Case caseRule,
      @Nullable String spaceReplacement, @Nullable String allowedCharactersText,
      @Nullable Pattern pattern, int minLength, int maxLength) {
    this.values = values;
    this.aliases = aliases;
    this.caseRule = caseRule;
    this.spaceReplacement = spaceReplacement;
    this.allowedCharactersText = allowedCharactersText;
    this.allowedCharacters = allowedCharactersText == null ? null : Pattern.compile("[" + allowedCharactersText + "]*");
    this.pattern = pattern;
    this.minLength = minLength;
    this.maxLength = maxLength;
  }

  /** Reads a rule from {@code node}, taking unset settings from {@code defaults} (may be null). */
  static ValueRule read(ConfigNode.MapNode node, @Nullable ValueRule defaults, Set<String> extraKeys) {
    java.util.HashSet<String> allowed = new java.util.HashSet<>(KEYS);
    allowed.addAll(extraKeys);
    node.checkKeys(allowed);
    Map<String, String> values = new LinkedHashMap<>();
    if (node.has("values")) {
      ConfigNode.ListNode list = node.list("values");
      for (int i = 0; i < list.size(); i++) {
        String v = list.get(i).asText("an allowed value");
        if (v.isEmpty()) {
          throw list.get(i).error("an allowed value must not be empty");
        }
        if (values.putIfAbsent(v.toLowerCase(Locale.ROOT), v) != null) {
          throw list.get(i).error("duplicate allowed value '" + v + "' (values are compared ignoring case)");
        }
      }
    } else if (defaults != null) {
      values.putAll(defaults.values);
    }
    Map<String, String> aliases = new LinkedHashMap<>();
    if (node.has("aliases")) {
      ConfigNode.MapNode map = node.map("aliases");
      for (String alias : map.keys()) {
        ConfigNode target = map.require(alias, "the value the alias stands for");
        String canonical = target.asText("the value the alias stands for");
        if (!values.isEmpty()) {
          String c = values.get(canonical.toLowerCase(Locale.ROOT));
          if (c == null) {
            throw target.error("alias '" + alias + "' points to '" + canonical + "', which is not in values "
                + values.values());
          }
          canonical = c;
        }
        if (values.containsKey(alias.toLowerCase(Locale.ROOT))) {
          throw target.error("alias '" + alias + "' is itself an allowed value");
        }
        aliases.put(alias.toLowerCase(Locale.ROOT), canonical);
      }
    }
    Case c = defaults == null ? Case.ANY : defaults.caseRule;
    if (node.has("case")) {
      ConfigNode n = node.require("case", "lower, upper or any");
      String s = n.asText("lower, upper or any");
      switch (s) {
        case "lower":
          c = Case.LOWER;
          break;
        case "upper":
          c = Case.UPPER;
          break;
        case "any":
          c = Case.ANY;
          break;
        default:
          throw n.error("expected lower, upper or any, found '" + s + "'");
      }
    }
    String space = node.has("space_replacement") ? node.optionalString("space_replacement")
        : defaults == null ? null : defaults.spaceReplacement;
    String chars = defaults == null ? null : defaults.allowedCharactersText;
    if (node.has("allowed_characters")) {
      ConfigNode n = node.require("allowed_characters", "a character class such as a-z0-9_-");
      chars = n.asText("a character class such as a-z0-9_-");
      try {
        Pattern.compile("[" + chars + "]*");
      } catch (PatternSyntaxException e) {
        throw n.error("invalid character class [" + chars + "]: " + e.getDescription());
      }
    }
    Pattern pattern = defaults == null ? null : defaults.pattern;
    if (node.has("pattern")) {
      ConfigNode n = node.require("pattern", "an RE2 regular expression");
      String p = n.asText("an RE2 regular expression");
      try {
        pattern = Pattern.compile(p);
      } catch (PatternSyntaxException e) {
        throw n.error("invalid RE2 regular expression '" + p + "': " + e.getDescription());
      }
    }
    int min = (int) length(node, "min_length", defaults == null ? 0 : defaults.minLength);
    int max = (int) length(node, "max_length", defaults == null ? 0 : defaults.maxLength);
    if (max > 0 && min > max) {
      throw node.require("min_length", "").error("min_length " + min + " is over max_length " + max);
    }
    return new ValueRule(values, aliases, c, space, chars, pattern, min, max);
  }

  private static long length(ConfigNode.MapNode node, String key, long fallback) {
    if (!node.has(key)) {
      return fallback;
    }
    long v = node.integer(key);
    if (v < 0 || v > 100_000) {
      throw node.require(key, "").error(key + " must be between 0 and 100000, found " + v);
    }
    return v;
  }

  /** Returns whether {@code value} passes every rule as it stands. */
  boolean accepts(String value) {
    return check(value).clean();
  }

  /** Checks {@code value}; {@link Check#fixed} is the corrected value when every issue is fixable. */
  Check check(String value) {
    Check out = new Check();
    String v = value;
    boolean fixable = true;
    String lower = v.toLowerCase(Locale.ROOT);
    String aliasKey = aliases.containsKey(lower) ? lower
        : spaceReplacement != null && aliases.containsKey(lower.replace(" ", spaceReplacement))
            ? lower.replace(" ", spaceReplacement) : null;
    if (!values.isEmpty()) {
      String canonical = values.get(lower);
      if (canonical != null && canonical.equals(v)) {
        // allowed as written
      } else if (canonical != null) {
        out.issues.add(new Issue(TaxonomyCodes.WRONG_CASE, false,
            "'" + v + "' should be written '" + canonical + "'", canonical, true));
        v = canonical;
      } else if (aliasKey != null) {
        String target = java.util.Objects.requireNonNull(aliases.get(aliasKey));
        out.issues.add(new Issue(TaxonomyCodes.ALIAS, false,
            "'" + v + "' is an alias; write '" + target + "'", target, true));
        v = target;
      } else if (spaceReplacement != null && values.containsKey(lower.replace(" ", spaceReplacement))) {
        String target = java.util.Objects.requireNonNull(values.get(lower.replace(" ", spaceReplacement)));
        out.issues.add(new Issue(TaxonomyCodes.SPACE_IN_VALUE, false,
            "'" + v + "' has spaces; write '" + target + "'", target, true));
        v = target;
      } else {
        String near = NearMatch.nearest(v, new ArrayList<>(values.values()));
        if (near == null) {
          String a = NearMatch.nearest(v, aliases.keySet());
          near = a == null ? null : aliases.get(a);
        }
        out.issues.add(new Issue(TaxonomyCodes.VALUE_NOT_ALLOWED, true,
            "'" + v + "' is not an allowed value" + (near == null ? "" : "; did you mean '" + near + "'?"),
            near, false));
        fixable = false;
      }
    } else {
      if (aliasKey != null) {
        String target = java.util.Objects.requireNonNull(aliases.get(aliasKey));
        out.issues.add(new Issue(TaxonomyCodes.ALIAS, false,
            "'" + v + "' is an alias; write '" + target + "'", target, true));
        v = target;
      }
      if (caseRule == Case.LOWER && !v.equals(v.toLowerCase(Locale.ROOT))) {
        String t = v.toLowerCase(Locale.ROOT);
        out.issues.add(new Issue(TaxonomyCodes.WRONG_CASE, false, "'" + v + "' should be lower case", t, true));
        v = t;
      } else if (caseRule == Case.UPPER && !v.equals(v.toUpperCase(Locale.ROOT))) {
        String t = v.toUpperCase(Locale.ROOT);
        out.issues.add(new Issue(TaxonomyCodes.WRONG_CASE, false, "'" + v + "' should be upper case", t, true));
        v = t;
      }
      if (spaceReplacement != null && v.indexOf(' ') >= 0) {
        String t = v.strip().replaceAll(" +", java.util.regex.Matcher.quoteReplacement(spaceReplacement));
        out.issues.add(new Issue(TaxonomyCodes.SPACE_IN_VALUE, false,
            "'" + v + "' has spaces; use '" + spaceReplacement + "'", t, true));
        v = t;
      }
    }
    if (allowedCharacters != null && !allowedCharacters.matches(v)) {
      out.issues.add(new Issue(TaxonomyCodes.INVALID_CHARACTERS, true,
          "'" + v + "' has characters outside [" + allowedCharactersText + "]", null, false));
      fixable = false;
    }
    if (pattern != null && !pattern.matches(v)) {
      out.issues.add(new Issue(TaxonomyCodes.PATTERN_MISMATCH, true,
          "'" + v + "' does not match " + pattern.pattern(), null, false));
      fixable = false;
    }
    if (maxLength > 0 && v.length() > maxLength) {
      out.issues.add(new Issue(TaxonomyCodes.VALUE_TOO_LONG, true,
          "'" + v + "' has " + v.length() + " characters, over the maximum of " + maxLength, null, false));
      fixable = false;
    }
    if (minLength > 0 && v.length() < minLength) {
      out.issues.add(new Issue(TaxonomyCodes.VALUE_TOO_SHORT, true,
          "'" + v + "' has " + v.length() + " characters, under the minimum of " + minLength, null, false));
      fixable = false;
    }
    out.fixed = fixable ? v : null;
    return out;
  }
}

package dev.mops.taxonomy;

import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigNode;
import dev.mops.taxonomy.NamingConvention.TemplateVersion;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reader of naming-convention files: checks the YAML document (top-level keys, token rules,
 * date formats, templates and their versions) and builds a {@link NamingConvention}, failing with
 * file, line, column and path on the first problem. The value type itself holds no parsing.
 *
 * <p>Thread safety: stateless.
 */
final class NamingConventionReader {

  private static final Set<String> TOP_KEYS = Set.of("version", "name", "tokens", "template", "versions");
  /** Most optional tokens a template may have (reading tries every subset of them). */
  static final int MAX_OPTIONAL = 8;

  private NamingConventionReader() {}

  /** Reads a convention from a loaded document; throws a {@link ConfigException} when it is invalid. */
  static NamingConvention read(ConfigDocument doc) {
    ConfigNode.MapNode root = doc.root().checkKeys(TOP_KEYS);
    Map<String, NamingConvention.Token> tokens = new LinkedHashMap<>();
    ConfigNode.MapNode tokenMap = root.map("tokens");
    Set<String> extra = Set.of("date_format", "description");
    for (String t : tokenMap.keys()) {
      if (!t.matches("[A-Za-z][A-Za-z0-9_]*")) {
        throw tokenMap.require(t, "").error("token name '" + t + "' must be letters, digits and _");
      }
      ConfigNode n = tokenMap.require(t, "the rules of token " + t);
      ConfigNode.MapNode m = n instanceof ConfigNode.ScalarNode scalarNode && scalarNode.value() == null
          ? new ConfigNode.MapNode(n.location(), Map.of(), Map.of()) : n.asMap("the rules of token " + t);
      ValueRule rule = ValueRule.read(m, null, extra);
      DateTimeFormatter date = null;
      String fmt = m.optionalString("date_format");
      if (fmt != null) {
        date = dateFormatter(fmt, m.require("date_format", ""));
      }
      tokens.put(t, new NamingConvention.Token(t, rule, date, fmt));
    }
    List<TemplateVersion> versions = new ArrayList<>();
    List<ConfigNode> versionNodes = new ArrayList<>();
    if (root.has("template") == root.has("versions")) {
      throw root.error("expected exactly one of 'template' (one version) or 'versions' (a list)");
    }
    if (root.has("template")) {
      versions.add(new TemplateVersion(doc.version(), null, root.string("template")));
      versionNodes.add(root.require("template", ""));
    } else {
      ConfigNode.ListNode list = root.list("versions");
      if (list.size() == 0) {
        throw list.error("expected at least one version");
      }
      Set<String> labels = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        ConfigNode.MapNode v = list.get(i).asMap("a template version").checkKeys(Set.of("version", "effective_from", "template"));
        String label = v.string("version");
        if (!labels.add(label)) {
          throw v.require("version", "").error("duplicate version '" + label + "'");
        }
        LocalDate from = null;
        String f = v.optionalString("effective_from");
        if (f != null) {
          try {
            from = LocalDate.parse(f);
          } catch (DateTimeParseException e) {
            throw v.require("effective_from", "").error("expected a date as YYYY-MM-DD, found '" + f + "'");
          }
        }
        versions.add(new TemplateVersion(label, from, v.string("template")));
        versionNodes.add(v.require("template", ""));
      }
    }
    List<NamingConvention.Template> templates = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      templates.add(compile(versions.get(i), versionNodes.get(i), tokens));
    }
    templates.sort(Comparator.comparing((NamingConvention.Template t) -> t.version.effectiveFrom() == null ? LocalDate.MIN : t.version.effectiveFrom()));
    for (int i = 1; i < templates.size(); i++) {
      if (Objects.equals(templates.get(i).version.effectiveFrom(), templates.get(i - 1).version.effectiveFrom())) {
        throw root.list("versions").error("versions '" + templates.get(i - 1).version.version() + "' and '"
            + templates.get(i).version.version() + "' have the same effective_from");
      }
    }
    return new NamingConvention(root.string("name", doc.source()), doc.version(), doc.contentHash(), tokens, templates);
  }

  private static DateTimeFormatter dateFormatter(String fmt, ConfigNode at) {
    StringBuilder p = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < fmt.length(); i++) { char c = fmt.charAt(i);if (c == '\'') {
        quoted = !quoted;
      }
      p.append(!quoted && c == 'y' ? 'u' : c);
    }
    DateTimeFormatter f;
    try {
      f = DateTimeFormatter.ofPattern(p.toString(), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw at.error("invalid date format '" + fmt + "': " + e.getMessage());
    }
    try {
      f.parse(f.format(LocalDate.of(2024, 11, 28)));
    } catch (RuntimeException e) {
      throw at.error("date format '" + fmt + "' cannot read back what it writes: " + e.getMessage());
    }
    return f;
  }

  private static NamingConvention.Template compile(TemplateVersion v, ConfigNode at, Map<String, NamingConvention.Token> tokens) {
    String text = v.template();
    int open = text.indexOf('{');
    if (open < 0) {
      throw at.error("template '" + text + "' has no {token}");
    }
    NamingConvention.Template t = new NamingConvention.Template(v, text.substring(0, open));
    int p = open;
    int optionalCount = 0;
    Set<String> used = new HashSet<>();
    while (true) {
      int close = text.indexOf('}', p);
      if (close < 0) {
        throw at.error("template '" + text + "' has an unclosed '{' at index " + p);
      }
      String tokenName = text.substring(p + 1, close);
      boolean optional = tokenName.endsWith("?");
      if (optional) {
        tokenName = tokenName.substring(0, tokenName.length() - 1);
        optionalCount++;
      }
      NamingConvention.Token token = tokens.get(tokenName);
      if (token == null) {
        String near = NearMatch.nearest(tokenName, tokens.keySet());
        throw at.error("template uses token '" + tokenName + "', which is not declared under tokens"
            + (near == null ? "" : " (did you mean '" + near + "'?)"));
      }
      if (!used.add(tokenName)) {
        throw at.error("template uses token '" + tokenName + "' twice");
      }
      t.tokens.add(token);
      t.optional.add(optional);
      int next = text.indexOf('{', close + 1);
      String literal = text.substring(close + 1, next < 0 ? text.length() : next);
      if (literal.indexOf('}') >= 0) {
        throw at.error("template '" + text + "' has a '}' without '{'");
      }
      if (next < 0) {
        t.suffix = literal;
        break;
      }
      if (literal.isEmpty()) {
        throw at.error("tokens '" + tokenName + "' and the next one need a delimiter between them");
      }
      t.separators.add(literal);
      p = next;
    }
    t.separators.add(0, "");
    if (optionalCount > MAX_OPTIONAL) {
      throw at.error("template has " + optionalCount + " optional tokens; at most " + MAX_OPTIONAL + " are supported");
    }
    return t;
  }
}

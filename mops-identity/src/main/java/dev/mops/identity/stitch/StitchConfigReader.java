package dev.mops.identity.stitch;

import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.ListNode;
import dev.mops.core.config.ConfigNode.MapNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;

/** Reads the YAML form of a {@link StitchConfig}, turning every problem into a located config error. */
final class StitchConfigReader {

  private static final java.util.regex.Pattern SHORT_DURATION =
      java.util.regex.Pattern.compile("(\\d{1,9})\\s*(s|m|h|d|w)");

  private StitchConfigReader() {}

  static StitchConfig read(ConfigDocument doc) {
    MapNode root = doc.root();
    root.checkKeys(List.of("name", "version", "identifiers", "blocked", "profiles", "junk", "metrics"));
    StitchConfig.Builder b = StitchConfig.builder().version(doc.version(), doc.contentHash());
    if (root.has("name")) {
      b.name(root.string("name"));
    }
    ListNode ids = root.list("identifiers");
    if (ids.size() == 0) {
      throw ids.error("expected at least one identifier type, found an empty list");
    }
    for (int i = 0; i < ids.size(); i++) {
      ConfigNode n = ids.get(i);
      IdentifierType t = type(n.asMap("an identifier type"));
      guard(n, () -> b.type(t));
    }
    ConfigNode blocked = root.get("blocked");
    if (blocked != null) {
      MapNode m = blocked.asMap("blocked values and patterns");
      m.checkKeys(List.of("values", "patterns"));
      readBlocked(m, b::blockedValue, b::blockedPattern);
    }
    ConfigNode profiles = root.get("profiles");
    if (profiles != null) {
      MapNode m = profiles.asMap("profile settings");
      m.checkKeys(List.of("max_identifiers"));
      if (m.has("max_identifiers")) {
        guard(m.require("max_identifiers", "a number"), () -> b.maxProfileIdentifiers(intOf(m, "max_identifiers")));
      }
    }
    ConfigNode junk = root.get("junk");
    if (junk != null) {
      MapNode m = junk.asMap("junk settings");
      m.checkKeys(List.of("min_profiles"));
      if (m.has("min_profiles")) {
        guard(m.require("min_profiles", "a number"), () -> b.junkMinProfiles(intOf(m, "min_profiles")));
      }
    }
    ConfigNode metrics = root.get("metrics");
    if (metrics != null) {
      MapNode m = metrics.asMap("metric settings");
      m.checkKeys(List.of("confidence_threshold"));
      if (m.has("confidence_threshold")) {
        guard(m.require("confidence_threshold", "a number"),
            () -> b.confidenceThreshold(m.number("confidence_threshold")));
      }
    }
    return b.build();
  }

  private static IdentifierType type(MapNode m) {
    m.checkKeys(List.of("type", "priority", "limit", "window", "unique", "normalize", "default_region",
        "blocked", "confidence", "links"));
    ConfigNode nameNode = m.require("type", "a type name");
    String name = nameNode.asText("a type name");
    IdentifierType.Builder[] holder = new IdentifierType.Builder[1];
    guard(nameNode, () -> holder[0] = IdentifierType.builder(name));
    IdentifierType.Builder t = holder[0];
    t.priority(intOf(m, "priority"));
    if (m.has("unique")) {
      t.unique(m.bool("unique", false));
    }
    if (m.has("limit")) {
      guard(m.require("limit", "a number"), () -> t.limit(intOf(m, "limit")));
    }
    if (m.has("window")) {
      ConfigNode w = m.require("window", "a duration");
      Duration d = duration(w);
      guard(w, () -> t.window(d));
    }
    if (m.has("normalize")) {
      ConfigNode n = m.require("normalize", "a normalization");
      guard(n, () -> t.normalization(IdentifierNormalization.parse(n.asText("a normalization"))));
    }
    if (m.has("default_region")) {
      ConfigNode n = m.require("default_region", "a region");
      guard(n, () -> t.defaultRegion(n.asText("a region")));
    }
    if (m.has("links")) {
      t.links(m.bool("links", true));
    }
    if (m.has("confidence")) {
      guard(m.require("confidence", "a number"), () -> t.confidence(m.number("confidence")));
    }
    if (m.has("blocked")) {
      MapNode bl = m.map("blocked");
      bl.checkKeys(List.of("values", "patterns"));
      readBlocked(bl, t::blockedValue, t::blockedPattern);
    }
    IdentifierType[] built = new IdentifierType[1];
    guard(m, () -> built[0] = t.build());
    return built[0];
  }

  private static void readBlocked(
      MapNode m, java.util.function.Consumer<String> value, java.util.function.Consumer<String> pattern) {
    if (m.has("values")) {
      ListNode values = m.list("values");
      for (ConfigNode v : values.items()) {
        ConfigNode.ScalarNode s = v.asScalar("a blocked value");
        // An unquoted YAML null in a blocklist means the text "null", which is what people mean.
        value.accept(s.value() == null ? "null" : s.text());
      }
    }
    if (m.has("patterns")) {
      ListNode patterns = m.list("patterns");
      for (ConfigNode p : patterns.items()) {
        String text = p.asText("an RE2 pattern");
        guard(p, () -> pattern.accept(text));
      }
    }
  }

  static Duration duration(ConfigNode node) {
    String text = node.asText("a duration such as P30D, 30d or 12h").trim();
    Matcher mm = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (mm.matches()) {
      long n = Long.parseLong(mm.group(1));
      switch (mm.group(2)) {
        case "s":
          return Duration.ofSeconds(n);
        case "m":
          return Duration.ofMinutes(n);
        case "h":
          return Duration.ofHours(n);
        case "d":
          return Duration.ofDays(n);
        default:
          return Duration.ofDays(7 * n);
      }
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw node.error("expected a duration such as P30D, PT12H, 30d, 12h or 90m, found '" + text + "'");
    }
  }

  private static int intOf(MapNode m, String key) {
    long v = m.integer(key);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw Objects.requireNonNull(m.get(key)).error("expected a whole number that fits 32 bits, found " + v);
    }
    return (int) v;
  }

  /** Runs a builder step, turning its IllegalArgumentException into a config error at {@code at}. */
  private static void guard(ConfigNode at, Runnable step) {
    try {
      step.run();
    } catch (IllegalArgumentException e) {
      throw at.error(e.getMessage());
    }
  }
}

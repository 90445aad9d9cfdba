package dev.mops.taxonomy;

import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.Condition;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.condition.Conditions;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reader of channel-group files: checks the YAML document (rules with their conditions,
 * fallback) and builds a {@link ChannelGroup}, failing with file, line, column and path on the
 * first problem. The value type itself holds no parsing.
 *
 * <p>Thread safety: stateless.
 */
final class ChannelGroupReader {

  private static final Set<String> TOP_KEYS = Set.of("version", "name", "channels", "fallback", "fallback_group");
  private static final Set<String> RULE_KEYS = Set.of("channel", "name", "when");

  private ChannelGroupReader() {}

  static ChannelGroup read(ConfigDocument doc) {
    ConfigNode.MapNode root = doc.root().checkKeys(TOP_KEYS);
    ConfigNode.ListNode list = root.list("channels");
    if (list.size() == 0) {
      throw list.error("expected at least one channel rule");
    }
    List<ChannelGroup.Rule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      ConfigNode.MapNode r = list.get(i).asMap("a channel rule").checkKeys(RULE_KEYS);
      String channel = r.string("channel");
      if (channel.isBlank()) {
        throw r.require("channel", "").error("channel must not be blank");
      }
      String ruleName = r.string("name", channel);
      if (!names.add(ruleName)) {
        throw r.error("two rules are named '" + ruleName + "'; name one of them with 'name:'");
      }
      ConfigNode when = r.require("when", "a condition");
      Condition condition = ConditionYaml.read(when, ChannelGroup.SCHEMA);
      CompiledCondition compiled;
      try {
        compiled = CompiledCondition.compile(condition, ChannelGroup.SCHEMA);
      } catch (IllegalArgumentException e) {
        throw when.error(String.valueOf(e.getMessage()));
      }
      if (compiled.usesClock()) {
        throw when.error("channel rules cannot compare times (within_last, older_than)");
      }
      rules.add(new ChannelGroup.Rule(channel, ruleName, compiled, Conditions.describe(condition)));
    }
    ChannelGroup fallbackGroup = null;
    String fg = root.optionalString("fallback_group");
    if (fg != null) {
      if (!fg.equals("ga4_default")) {
        throw root.require("fallback_group", "").error("expected ga4_default, found '" + fg + "'");
      }
      if (root.has("fallback")) {
        throw root.require("fallback", "").error("set either fallback or fallback_group, not both");
      }
      fallbackGroup = ChannelGroup.ga4Default();
    }
    String fallback = root.string("fallback", "Unassigned");
    return new ChannelGroup(root.string("name", doc.source()), doc.version(), doc.contentHash(), rules, fallback,
        fallbackGroup);
  }
}

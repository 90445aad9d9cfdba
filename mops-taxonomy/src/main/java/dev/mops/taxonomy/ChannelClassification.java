package dev.mops.taxonomy;

import java.util.Objects;

/**
 * The channel a {@link ChannelGroup} gave one traffic source, and why: the rule that matched and
 * the values it looked at.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param channel the channel, as the group writes it ({@code Paid Search})
 * @param ruleIndex the 0-based position of the matching rule, or -1 when no rule matched and the
 *     fallback channel was given
 * @param rule the matching rule's name (its channel unless the rule is named), or {@code fallback}
 * @param condition the matching rule's condition in words, or {@code ""} for the fallback
 * @param groupName the channel group's name
 * @param groupVersion the channel group's version
 * @param source the source the rules saw, after defaults ({@code (direct)}, {@code (not set)})
 * @param medium the medium the rules saw, after defaults ({@code (none)}, {@code (not set)})
 */
public record ChannelClassification(
    String channel, int ruleIndex, String rule, String condition, String groupName, String groupVersion,
    String source, String medium) {

  /** Validates the components. */
  public ChannelClassification {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(groupName, "groupName");
    Objects.requireNonNull(groupVersion, "groupVersion");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(medium, "medium");
  }
}

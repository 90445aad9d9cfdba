package dev.mops.routing;

import dev.mops.core.condition.Condition;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rule of a routing table: when its condition holds, the lead goes to its destination; when
 * nobody there can take it, to its fallback (or the table's).
 *
 * <p>Thread safety: an immutable value.
 *
 * @param name the rule's name, shown in every decision
 * @param when the condition on the lead's fields
 * @param destination where matching leads go
 * @param fallback the rule's own fallback, or null for the table's
 */
public record RoutingRule(String name, Condition when, Destination destination, @Nullable Fallback fallback) {

  /** Validates the components. */
  public RoutingRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(destination, "destination");
  }
}

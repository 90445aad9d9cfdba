package dev.mops.flow.pipeline;

import dev.mops.core.io.JsonText;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a routing decision asks someone to do: who (the owner, or the queue when nobody in
 * particular), which lead, why, and by when the SLA wants it done.
 *
 * <p>The library writes notifications to a file or hands them to a {@link NotificationSink}; it
 * sends nothing over a network.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param recipient the owner who got the lead, or the queue or destination when no person did
 * @param leadId the lead's id
 * @param outcome the routing outcome ({@code assigned}, {@code queued}, {@code held}, {@code escalated})
 * @param destination the pool, queue or owner of the decision
 * @param rule the routing rule that matched
 * @param reason why, in one line
 * @param createdAt when the decision was made (the run's {@code now})
 * @param dueBy when the SLA wants the first touch, or null when no SLA goal applied
 * @param slaGoal the SLA goal that applied, or null
 */
public record Notification(
    String recipient, String leadId, String outcome, String destination, String rule, String reason,
    Instant createdAt, @Nullable Instant dueBy, @Nullable String slaGoal) {

  /** Checks the required components. */
  public Notification {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(leadId, "leadId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Returns the notification as one line of JSON. */
  public String toJson() {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("recipient", recipient);
    m.put("lead_id", leadId);
    m.put("outcome", outcome);
    m.put("destination", destination);
    m.put("rule", rule);
    m.put("reason", reason);
    m.put("created_at", createdAt.toString());
    m.put("due_by", dueBy == null ? null : dueBy.toString());
    m.put("sla_goal", slaGoal);
    return JsonText.value(m);
  }
}

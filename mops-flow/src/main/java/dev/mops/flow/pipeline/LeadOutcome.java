package dev.mops.flow.pipeline;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import dev.mops.flow.enrich.EnrichmentResponse;
import dev.mops.identity.account.AccountMatch;
import dev.mops.identity.dedupe.IndexMatch;
import dev.mops.routing.RoutingDecision;
import dev.mops.scoring.LeadScore;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the pipeline made of one lead: the record as it left the last stage (normalised, enriched,
 * matched, scored and routed, each as fields), the findings collected on the way, the module
 * results behind those fields, and the notification made; or the dead letter that stopped it.
 *
 * <p>Fields the stages add: {@code domain} (derived when missing), {@code enrichment_status}
 * ({@code found}, {@code not_found}, {@code skipped}) and the provider's fields where the lead had
 * none, {@code cluster_id}, {@code cluster_size} and {@code duplicate_ids} (batch dedupe), {@code
 * duplicate_status}, {@code duplicate_of}, {@code duplicate_probability} and {@code
 * duplicate_candidates} (per-record dedupe against a match index), {@code
 * account_id}, {@code account_name}, {@code account_owner}, {@code account_confidence}, {@code
 * profile_id} (identity), the scoring model's outcome fields (each score, grades, each threshold as
 * {@code true}/{@code false}), {@code route_outcome} ({@code assigned}, {@code queued}, {@code
 * held}, {@code escalated}, {@code suppressed}, {@code not_routed}), {@code route_owner}, {@code
 * route_destination}, {@code route_rule}, {@code route_reason}, and {@code due_by}, {@code
 * sla_goal} (notify).
 *
 * <p>Thread safety: an immutable value (the module results it holds are immutable).
 */
public final class LeadOutcome {

  /** Whether the lead went through every stage. */
  public enum Status {
    /** It left the last stage. */
    PASSED,
    /** A stage sent it to the dead letters. */
    DEAD_LETTERED
  }

  private final String leadId;
  private final long recordNumber;
  private final Record record;
  private final List<Finding> findings;
  private final @Nullable DeadLetter deadLetter;
  private final @Nullable EnrichmentResponse enrichment;
  private final List<IndexMatch> duplicates;
  private final @Nullable AccountMatch account;
  private final @Nullable LeadScore score;
  private final @Nullable RoutingDecision routing;
  private final @Nullable Notification notification;

  LeadOutcome(String leadId, long recordNumber, Record record, List<Finding> findings, @Nullable DeadLetter deadLetter,
      @Nullable EnrichmentResponse enrichment, List<IndexMatch> duplicates, @Nullable AccountMatch account, @Nullable LeadScore score,
      @Nullable RoutingDecision routing, @Nullable Notification notification) {
    this.leadId = Objects.requireNonNull(leadId, "leadId");
    this.recordNumber = recordNumber;
    this.record = Objects.requireNonNull(record, "record");
    this.findings = List.copyOf(findings);
    this.deadLetter = deadLetter;
    this.enrichment = enrichment;
    this.duplicates = List.copyOf(duplicates);
    this.account = account;
    this.score = score;
    this.routing = routing;
    this.notification = notification;
  }

  /** Returns {@link Status#PASSED} or {@link Status#DEAD_LETTERED}. */
  public Status status() {
    return deadLetter == null ? Status.PASSED : Status.DEAD_LETTERED;
  }

  /** Returns the lead's id (its id field, or {@code #n} for the n-th record when it has none). */
  public String leadId() {
    return leadId;
  }

  /** Returns the record's 1-based position in its input (1 for {@link Pipeline#process}). */
  public long recordNumber() {
    return recordNumber;
  }

  /** Returns the record as it left the last stage it reached. */
  public Record record() {
    return record;
  }

  /** Returns the findings of every stage: contract warnings, normalisation and scoring findings. */
  public List<Finding> findings() {
    return findings;
  }

  /** Returns the dead letter, or null when the lead passed. */
  public @Nullable DeadLetter deadLetter() {
    return deadLetter;
  }

  /**
   * Returns the known records this lead matches at or above the review threshold, best first,
   * when the pipeline checks leads against a match index ({@code Pipeline.Builder#matchIndex});
   * empty otherwise. Each one explains itself through the index ({@code MatchIndex#explain}).
   */
  public List<IndexMatch> duplicates() {
    return duplicates;
  }

  /** Returns the enrichment answer, or null when the stage is off or had no key to look up. */
  public @Nullable EnrichmentResponse enrichment() {
    return enrichment;
  }

  /** Returns the account match, or null without account matching. */
  public @Nullable AccountMatch account() {
    return account;
  }

  /** Returns the score, or null without scoring (or when a stage before it failed). */
  public @Nullable LeadScore score() {
    return score;
  }

  /** Returns the routing decision, or null when the lead was not routed (suppressed, below the threshold, no router). */
  public @Nullable RoutingDecision routing() {
    return routing;
  }

  /** Returns the notification made, or null. */
  public @Nullable Notification notification() {
    return notification;
  }

  @Override
  public String toString() {
    return "LeadOutcome[" + leadId + " " + status() + (deadLetter == null ? "" : " at " + deadLetter.stage().label()
        + " " + deadLetter.code()) + "]";
  }
}

package dev.mops.flow.pipeline;

import java.util.Locale;

/**
 * The stages of a {@link Pipeline}, in the order a record goes through them.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum PipelineStage {
  /** Checks the record against the data contract; errors send it to the dead letters. */
  VALIDATE,
  /** Normalises email, domain, phone and country in place, deriving {@code domain} from the email or website. */
  NORMALISE,
  /** Adds firmographic fields from the enrichment provider. */
  ENRICH,
  /** Clusters duplicates in the batch and keeps one golden record per cluster (a batch stage). */
  DEDUPE,
  /** Matches the lead to an account and stitches its identifiers into the identity graph. */
  IDENTITY,
  /** Scores the lead against the scoring model, with its events. */
  SCORE,
  /** Checks suppression and consent, then routes the lead to an owner. */
  ROUTE,
  /** Turns each routing decision into a notification with its SLA due time. */
  NOTIFY;

  /** Returns the lower-case name used in files and summaries ({@code validate}, ...). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the stage of a label, ignoring case. */
  public static PipelineStage parse(String label) {
    for (PipelineStage s : values()) {
      if (s.label().equalsIgnoreCase(label.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown stage '" + label + "', expected one of validate, normalise, enrich,"
        + " dedupe, identity, score, route, notify");
  }
}

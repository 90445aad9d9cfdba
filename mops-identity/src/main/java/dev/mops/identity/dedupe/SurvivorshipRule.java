package dev.mops.identity.dedupe;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the golden record of a cluster picks the value of one field from the cluster's records.
 *
 * <p>Ties are broken by the record's source and id in ascending order, so golden records do not
 * depend on input order.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param field the field the rule applies to
 * @param strategy how the value is chosen
 * @param byField for {@link Strategy#MOST_RECENT}, the date or timestamp field that says how
 *     recent a record is; otherwise null
 * @param sourcePriority for {@link Strategy#SOURCE_PRIORITY}, the source names, most trusted
 *     first; otherwise empty
 */
public record SurvivorshipRule(
    String field, Strategy strategy, @Nullable String byField, List<String> sourcePriority) {

  /** Validates that each strategy has what it needs. */
  public SurvivorshipRule {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(strategy, "strategy");
    sourcePriority = List.copyOf(sourcePriority);
    if (strategy == Strategy.MOST_RECENT && byField == null) {
      throw new IllegalArgumentException("most_recent for '" + field + "' needs 'by', the field holding the record's date");
    }
    if (strategy == Strategy.SOURCE_PRIORITY && sourcePriority.isEmpty()) {
      throw new IllegalArgumentException("source_priority for '" + field + "' needs 'sources', most trusted first");
    }
  }

  /** Strategies for choosing a field's value. */
  public enum Strategy {
    /** The non-empty value of the record with the latest {@code byField}. */
    MOST_RECENT,
    /** The longest non-empty value. */
    MOST_COMPLETE,
    /** The non-empty value from the most trusted source. */
    SOURCE_PRIORITY,
    /** The non-empty value found in most records. */
    MOST_FREQUENT;

    /** Returns the lower-case name used in config files. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}

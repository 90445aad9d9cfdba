package dev.mops.identity.stitch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One observation: a set of identifiers seen together (a login that shows a cookie and a user id,
 * a form fill with an email and a phone, a CRM contact), with its id, when it happened and where
 * it came from.
 *
 * <p>The timestamp decides conflicts: where two observations compete (the first {@code user_id}
 * wins) the earlier one wins; observations without a timestamp come before all timed ones, and
 * ties are broken by {@link #id()}. Values are as found; the graph normalizes them.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param id the observation's id (unique within a graph; it is what a retraction names)
 * @param timestamp when the identifiers were seen together, or {@code null} when unknown
 * @param source the system it came from ({@code web}, {@code crm}), or {@code ""}
 * @param identifiers the identifiers, values as found
 */
public record Observation(String id, @Nullable Instant timestamp, String source, List<Identifier> identifiers) {

  /** Validates the components and copies the list. */
  public Observation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    identifiers = List.copyOf(identifiers);
  }

  /**
   * Returns an observation from {@code type, value} pairs, without a source.
   *
   * <pre>{@code
   * Observation.of("o1", Instant.parse("2026-03-01T10:00:00Z"), "user_id", "u-42", "email", "ana@example.com");
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code typesAndValues} has an odd length
   */
  public static Observation of(String id, @Nullable Instant timestamp, String... typesAndValues) {
    if (typesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected type, value pairs, found " + typesAndValues.length + " strings");
    }
    List<Identifier> ids = new ArrayList<>(typesAndValues.length / 2);
    for (int i = 0; i < typesAndValues.length; i += 2) {
      ids.add(new Identifier(typesAndValues[i], typesAndValues[i + 1]));
    }
    return new Observation(id, timestamp, "", ids);
  }

  /** Returns the timestamp in epoch milliseconds, or {@link Long#MIN_VALUE} when unknown. */
  long epochMillis() {
    return timestamp == null ? Long.MIN_VALUE : timestamp.toEpochMilli();
  }
}

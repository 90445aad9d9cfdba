package dev.mops.identity.dedupe;

import java.util.Objects;

/**
 * A pair of records that a person has labelled as the same entity (a match) or not, the input of
 * {@link Deduplicator#trainFromLabels}.
 *
 * <p>Ids are the values of the id field, compared after stripping surrounding spaces (as dedupe
 * strips them); with several sources they are written {@code source:id}. Which id comes first
 * does not matter.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param idA the id of one record
 * @param idB the id of the other record
 * @param match whether the two records are the same entity
 */
public record LabelledPair(String idA, String idB, boolean match) {

  /** Validates the components. */
  public LabelledPair {
    Objects.requireNonNull(idA, "idA");
    Objects.requireNonNull(idB, "idB");
  }
}

package dev.mops.identity.dedupe;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The best-known version of one entity, built from its cluster by the survivorship rules, with
 * its lineage: every source record it was built from.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param clusterId the cluster's id
 * @param values field to surviving value; fields no record has a value for are absent
 * @param lineage every record of the cluster, in {@link RecordRef} order
 * @param sourceOf field to the record its value was taken from
 */
public record GoldenRecord(
    String clusterId, Map<String, String> values, List<RecordRef> lineage, Map<String, RecordRef> sourceOf) {

  /** Copies the collections, keeping their order. */
  public GoldenRecord {
    Objects.requireNonNull(clusterId, "clusterId");
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    lineage = List.copyOf(lineage);
    sourceOf = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sourceOf));
  }
}

package dev.mops.identity.dedupe;

import java.util.List;
import java.util.Objects;

/**
 * One entity found by dedupe: the records judged to be the same person or company.
 *
 * <p>A record with no match is a cluster of one. The cluster id is the smallest member reference
 * ({@link RecordRef#toString()}), so it does not depend on input order.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param clusterId the cluster's id
 * @param members the member records, in {@link RecordRef} order
 */
public record EntityCluster(String clusterId, List<RecordRef> members) {

  /** Copies the members and checks there is at least one. */
  public EntityCluster {
    Objects.requireNonNull(clusterId, "clusterId");
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a cluster has at least one member");
    }
  }

  /** Returns the number of members. */
  public int size() {
    return members.size();
  }
}

package dev.mops.identity.dedupe;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The cluster-level evidence of one entity: how strongly its members are linked to each other,
 * not only along the matches that joined them, so that a reviewer sees whether a cluster is a
 * clique of strong links or a chain through one weak one.
 *
 * <p>Every pair of members is scored with the run's model. The guarded clustering ({@code
 * min_link_share}) merges two groups only when that share of their cross pairs reaches the review
 * threshold, so a cluster's {@code linkedShare} is usually high; a low one, or a low {@code
 * weakestMemberLink}, marks a cluster to look at.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param clusterId the cluster's id
 * @param members the members, in {@link RecordRef} order
 * @param memberPairs pairs of members, {@code n(n-1)/2}
 * @param matchPairs member pairs at or above the match threshold
 * @param linkedPairs member pairs at or above the review threshold (matches included)
 * @param weakestMemberLink the lowest, over members, of a member's strongest link to another member
 *     (1 for a cluster of one)
 * @param weakestMember the member with that link (the first member for a cluster of one)
 * @param weakestPair the least probable member pair's probability (1 for a cluster of one)
 */
public record ClusterExplanation(String clusterId, List<RecordRef> members, long memberPairs, long matchPairs,
    long linkedPairs, double weakestMemberLink, RecordRef weakestMember, double weakestPair) {

  /** Copies the members. */
  public ClusterExplanation {
    Objects.requireNonNull(clusterId, "clusterId");
    members = List.copyOf(members);
    Objects.requireNonNull(weakestMember, "weakestMember");
  }

  /** The share of member pairs at or above the review threshold (1 for a cluster of one). */
  public double linkedShare() {
    return memberPairs == 0 ? 1.0 : (double) linkedPairs / memberPairs;
  }

  /** A one-paragraph text for a reviewer. */
  public String toText() {
    if (members.size() == 1) {
      return "cluster " + clusterId + ": one record, no duplicate found";
    }
    return String.format(Locale.ROOT,
        "cluster %s: %d records, %d pairs; %d match, %d at least reach review (%.0f%%); weakest member %s"
            + " (its strongest link %.4f); least probable pair %.4f",
        clusterId, members.size(), memberPairs, matchPairs, linkedPairs, 100 * linkedShare(), weakestMember,
        weakestMemberLink, weakestPair);
  }
}

package dev.mops.identity.stitch;

/**
 * A receiver of what an {@link IdentityGraph} does, one event at a time: merges, refusals and
 * retractions, which together make the merge log.
 *
 * <p>The graph calls the listener on the writing thread while it holds its write lock, in the
 * order the events happen; a listener should be quick, may read the graph, and must not write to
 * it. A listener given to a graph that several threads write to sees their events one at a time.
 *
 * <p>Thread safety: implementations need not be thread-safe when only one graph calls them.
 */
public interface StitchListener {

  /** A listener that ignores everything. */
  StitchListener NONE = new StitchListener() {};

  /** Called when an observation merged two or more profiles. */
  default void merged(MergeEvent event) {}

  /** Called for each identifier of an observation that was not stitched. */
  default void refused(Refusal refusal) {}

  /** Called when an observation was retracted and its profile recomputed. */
  default void retracted(Retraction retraction) {}
}

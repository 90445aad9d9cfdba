package dev.mops.spark;

import dev.mops.identity.stitch.Identifier;
import dev.mops.identity.stitch.IdentityGraph;
import dev.mops.identity.stitch.Observation;
import dev.mops.identity.stitch.StitchConfig;
import dev.mops.identity.stitch.StitchOutcome;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The link key of an identifier as the stitcher sees it: screened (blocklists, validity) and
 * normalized by the library's own code, then named by the id a profile holding only that
 * identifier would have (a 64-bit hash of its type and normalized value).
 *
 * <p>It runs each value through a scratch {@link IdentityGraph} as a one-identifier observation,
 * so the screening and normalization are exactly the stitcher's, not a copy: a blocked or invalid
 * value has no key, and two values the stitcher would treat as one identifier have the same key.
 * Two different identifiers share a key only on a 64-bit hash collision, which can only join two
 * connected components (never split one), so the stitching stays exact. The scratch graph is
 * replaced every {@link #RESET} values to bound its memory.
 *
 * <p>Thread safety: not thread-safe; one per task.
 */
final class IdentifierKeys {

  static final int RESET = 1 << 16;

  private final StitchConfig config;
  private IdentityGraph scratch;
  private int added;

  IdentifierKeys(StitchConfig config) {
    this.config = config;
    this.scratch = newScratch();
  }

  private IdentityGraph newScratch() {
    return IdentityGraph.builder(config).retainObservations(false).build();
  }

  /** Returns the key of the identifier, or null when it is blank, blocked or invalid. */
  @Nullable String key(String type, String raw) {
    if (raw.isBlank()) {
      return null;
    }
    if (added == RESET) {
      scratch = newScratch();
      added = 0;
    }
    added++;
    StitchOutcome out = scratch.add(new Observation("k", null, "", List.of(new Identifier(type, raw))));
    return out.kept() == 0 ? null : out.profileId();
  }
}

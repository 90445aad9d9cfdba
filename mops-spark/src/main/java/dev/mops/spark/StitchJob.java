package dev.mops.spark;

import dev.mops.identity.stitch.StitchConfig;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * What executors need to stitch, as plain serializable data: the config text and the positions of
 * the observation columns. Each task parses the config once ({@link #config()}, cached in a
 * transient field).
 *
 * <p>Thread safety: the cached fields are set once per deserialized copy, by the task that uses
 * it; a copy is not shared between threads.
 */
final class StitchJob implements Serializable {

  private static final long serialVersionUID = 1L;

  private final ConfigText configText;
  /** The identifier types read, in configuration order, and their column positions. */
  final String[] types;
  final int[] typeIndex;
  final int timestampIndex;
  final int sourceIndex;
  private transient @Nullable StitchConfig config;
  private transient @Nullable IdentifierKeys keys;

  StitchJob(ConfigText configText, String[] types, int[] typeIndex, int timestampIndex, int sourceIndex) {
    this.configText = configText;
    this.types = types.clone();
    this.typeIndex = typeIndex.clone();
    this.timestampIndex = timestampIndex;
    this.sourceIndex = sourceIndex;
  }

  StitchConfig config() {
    StitchConfig c = config;
    if (c == null) {
      c = StitchConfig.parse(configText.source(), configText.text());
      config = c;
    }
    return c;
  }

  IdentifierKeys keys() {
    IdentifierKeys k = keys;
    if (k == null) {
      k = new IdentifierKeys(config());
      keys = k;
    }
    return k;
  }
}

package dev.mops.core.config;

import java.util.Objects;

/**
 * A loaded configuration document: its source, its declared version, the hash of its content and
 * its root map.
 *
 * <p>Every result mops computes from a configuration can record {@link #version()} and {@link
 * #contentHash()}, so that an answer can be traced back to the exact configuration that produced
 * it. The version is the document's top-level {@code version} key, or {@link #UNVERSIONED} when it
 * has none.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param source the file name or label the document was loaded from
 * @param version the top-level {@code version} value as text, or {@link #UNVERSIONED}
 * @param contentHash {@code sha256:} followed by the hex SHA-256 of the document's UTF-8 bytes
 * @param root the document's root map
 */
public record ConfigDocument(String source, String version, String contentHash, ConfigNode.MapNode root) {

  /** The version of a document without a {@code version} key. */
  public static final String UNVERSIONED = "unversioned";

  /** Validates the components. */
  public ConfigDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(root, "root");
  }

  /** Returns a short form of the hash (the first 12 hex digits) for logs and CSV columns. */
  public String shortHash() {
    int colon = contentHash.indexOf(':');
    String hex = contentHash.substring(colon + 1);
    return hex.substring(0, Math.min(12, hex.length()));
  }
}

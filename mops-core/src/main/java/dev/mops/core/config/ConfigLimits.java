package dev.mops.core.config;

/**
 * The resource limits a {@link ConfigLoader} enforces on every document, so that a hostile or
 * broken file fails fast instead of exhausting memory.
 *
 * <p>YAML aliases ({@code *name}) are always refused, so an alias bomb ("billion laughs") is never
 * expanded, whatever the limits.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param maxDocumentChars largest document, in characters (default 8 MiB)
 * @param maxDepth deepest nesting of maps and lists (default 64)
 * @param maxStringLength longest single scalar or key, in characters (default 64 KiB)
 * @param maxNodes most maps, lists and scalars in one document (default 1,000,000)
 */
public record ConfigLimits(int maxDocumentChars, int maxDepth, int maxStringLength, int maxNodes) {

  /** The defaults: 8 MiB, depth 64, 64 KiB strings, one million nodes. */
  public static final ConfigLimits DEFAULT = new ConfigLimits(8 * 1024 * 1024, 64, 64 * 1024, 1_000_000);

  /** Validates that every limit is positive. */
  public ConfigLimits {
    if (maxDocumentChars <= 0 || maxDepth <= 0 || maxStringLength <= 0 || maxNodes <= 0) {
      throw new IllegalArgumentException(
          "config limits must be positive: maxDocumentChars=" + maxDocumentChars + ", maxDepth="
              + maxDepth + ", maxStringLength=" + maxStringLength + ", maxNodes=" + maxNodes);
    }
  }
}

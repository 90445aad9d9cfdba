package dev.mops.core.config;

import java.util.Objects;

/**
 * Where a piece of configuration stands: the source it was loaded from, a 1-based line and column,
 * and its path inside the document ({@code scoring.groups[2].rules[0].when}).
 *
 * <p>Thread safety: an immutable value.
 *
 * @param source the file name or other label the document was loaded from
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param path the path inside the document; {@code ""} for the root
 */
public record ConfigLocation(String source, int line, int column, String path) {

  /** Validates the components. */
  public ConfigLocation {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
  }

  /** Returns a location with no position, for configuration built in code. */
  public static ConfigLocation inCode(String path) {
    return new ConfigLocation("<code>", 0, 0, path);
  }

  /** Returns the path of a child key of this location's path. */
  public String childPath(String key) {
    boolean plain = !key.isEmpty() && key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
    String k = plain ? key : "\"" + key.replace("\"", "\\\"") + "\"";
    return path.isEmpty() ? k : path + "." + k;
  }

  /** Returns the path of a list element of this location's path. */
  public String indexPath(int index) {
    return path + "[" + index + "]";
  }

  /** Returns {@code source:line:column}, or just the source when the position is unknown. */
  public String position() {
    return line > 0 ? source + ":" + line + ":" + column : source;
  }

  @Override
  public String toString() {
    return path.isEmpty() ? position() : position() + " at " + path;
  }
}

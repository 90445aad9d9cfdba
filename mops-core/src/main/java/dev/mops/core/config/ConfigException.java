package dev.mops.core.config;

import java.util.Objects;

/**
 * An error in configuration, found when it is loaded: it names the source, the line and column,
 * the path inside the document and what was expected.
 *
 * <p>The message reads {@code rules.yaml:12:7: at scoring.groups[2].rules[0].when: expected a
 * condition (all, any, not, eq, ...), found 'eqq'}.
 *
 * <p>Thread safety: immutable.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ConfigLocation location;
  private final String problem;

  /** Creates an exception at {@code location} whose problem reads {@code problem}. */
  public ConfigException(ConfigLocation location, String problem) {
    this(location, problem, null);
  }

  /** Creates an exception at {@code location} with a cause. */
  public ConfigException(ConfigLocation location, String problem, @org.jspecify.annotations.Nullable Throwable cause) {
    super(format(location, problem), cause);
    this.location = Objects.requireNonNull(location, "location");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  private static String format(ConfigLocation location, String problem) {
    StringBuilder sb = new StringBuilder(location.position()).append(": ");
    if (!location.path().isEmpty()) {
      sb.append("at ").append(location.path()).append(": ");
    }
    return sb.append(problem).toString();
  }

  /** Returns where the problem is. */
  public ConfigLocation location() {
    return location;
  }

  /** Returns the problem without the location, such as {@code expected a number, found 'x'}. */
  public String problem() {
    return problem;
  }
}

package dev.mops.planning.preflight;

import dev.mops.core.Finding;
import java.util.List;

/**
 * A lint of one tracked URL against the team's taxonomy (UTMs present and allowed, no unfilled
 * macros, no repeated tracked parameters), plugged into {@link PreflightCheck}; the {@code mops
 * preflight} command plugs in mops-taxonomy's linter.
 *
 * <p>Thread safety: implementations used by a shared {@link PreflightCheck} must be thread-safe.
 */
@FunctionalInterface
public interface UrlLint {

  /** A lint that finds nothing. */
  UrlLint NONE = url -> List.of();

  /** Returns the findings about {@code url} (empty when it is clean); never throws for bad input. */
  List<Finding> lint(String url);
}

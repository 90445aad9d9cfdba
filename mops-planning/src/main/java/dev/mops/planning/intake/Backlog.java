package dev.mops.planning.intake;

import java.util.List;
import java.util.Objects;

/**
 * A prioritized backlog: every request, scored ones by rank, then those that could not be scored,
 * with the identity of the intake model that ordered them.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param modelName the intake model's name
 * @param modelVersion its version
 * @param modelHash its content hash
 * @param entries one entry per request
 */
public record Backlog(String modelName, String modelVersion, String modelHash, List<BacklogEntry> entries) {
  /** Validates and copies the components. */
  public Backlog {
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(modelHash, "modelHash");
    entries = List.copyOf(entries);
  }
}

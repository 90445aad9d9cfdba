package dev.mops.quality;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's example and data folders from the test's working directory. */
public final class TestFiles {

  private TestFiles() {}

  /** Returns the repository root (the folder with {@code examples/}). */
  public static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("examples/quality"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find examples/quality above " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  /** Returns {@code examples/quality/NAME}. */
  public static Path example(String name) {
    return repoRoot().resolve("examples/quality").resolve(name);
  }

  /** Returns the ODCS examples folder ({@code data/odcs} in the repository). */
  public static Path odcsFolder() {
    Path c = repoRoot().resolve("data/odcs");
    if (!Files.isDirectory(c)) {
      throw new IllegalStateException("cannot find data/odcs in the repository at " + repoRoot());
    }
    return c;
  }
}

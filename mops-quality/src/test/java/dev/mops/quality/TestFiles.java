package dev.mops.quality;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's example and shared data folders from the test's working directory. */
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

  /** Returns the shared ODCS examples folder ({@code ../shared/data/odcs} beside the repository). */
  public static Path odcsFolder() {
    Path root = repoRoot();
    for (Path p = root; p != null; p = p.getParent()) {
      Path c = p.resolve("shared/data/odcs");
      if (Files.isDirectory(c)) {
        return c;
      }
    }
    throw new IllegalStateException("cannot find shared/data/odcs above " + root);
  }
}

package dev.mops.quality.contract;

import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.config.ConfigNode;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Loaders of {@link DataContract}s from the native YAML and from ODCS v3.x documents.
 *
 * <p>A document is read as ODCS when it has {@code apiVersion} or {@code kind: DataContract} at
 * its root, and as the native format otherwise. A malformed contract throws a {@link
 * dev.mops.core.config.ConfigException} naming the file, line, column, path and what was expected.
 *
 * <p>Thread safety: stateless, safe to call from any thread.
 */
public final class DataContracts {

  private DataContracts() {}

  /** Loads a contract file (native or ODCS; for ODCS, its first schema object). */
  public static DataContract load(Path file) {
    return load(file, null);
  }

  /**
   * Loads a contract file; for ODCS, checks the schema object named {@code odcsObject} (its {@code
   * name} or {@code physicalName}), or the first when null.
   */
  public static DataContract load(Path file, @Nullable String odcsObject) {
    Objects.requireNonNull(file, "file");
    ConfigDocument doc = ConfigLoader.standard().load(file);
    Path parent = file.toAbsolutePath().getParent();
    return read(doc, parent, odcsObject);
  }

  /**
   * Parses a contract from text; {@code source} names it in errors. Allowed-value files are read
   * relative to the working directory.
   */
  public static DataContract parse(String source, String text) {
    return read(ConfigLoader.standard().loadString(source, text), null, null);
  }

  /** Reads a contract from a loaded document. */
  public static DataContract read(ConfigDocument doc, @Nullable Path baseDir, @Nullable String odcsObject) {
    if (isOdcs(doc.root())) {
      return new OdcsContractReader(doc, odcsObject).read();
    }
    return new NativeContractReader(doc, baseDir).read();
  }

  private static boolean isOdcs(ConfigNode.MapNode root) {
    if (root.has("apiVersion")) {
      return true;
    }
    ConfigNode kind = root.get("kind");
    return kind instanceof ConfigNode.ScalarNode scalarNode && "DataContract".equals(scalarNode.text());
  }
}

package dev.mops.identity.dedupe;

import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.record.Record;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Sources of {@link DedupeConfig}s: the YAML/JSON reader and the no-config inference.
 *
 * <p>A malformed file throws a {@link dev.mops.core.config.ConfigException} naming the file, line,
 * column, path (such as {@code fields[2].comparator}) and what was expected; the keys are
 * documented in {@code docs/dedupe.md}.
 *
 * <p>Thread safety: stateless, safe to call from any thread.
 */
public final class DedupeConfigs {

  private DedupeConfigs() {}

  /**
   * Loads a config from a YAML or JSON file.
   *
   * @throws dev.mops.core.config.ConfigException naming the file, line, column and path when the
   *     file is malformed, has an unknown key or an invalid value
   */
  public static DedupeConfig load(Path file) {
    Objects.requireNonNull(file, "file");
    return read(ConfigLoader.standard().load(file));
  }

  /** Loads a config from YAML text; {@code source} names it in errors. */
  public static DedupeConfig parse(String source, String yaml) {
    return read(ConfigLoader.standard().loadString(source, yaml));
  }

  /** Reads a config from a loaded document. */
  public static DedupeConfig read(ConfigDocument doc) {
    return new DedupeConfigReader(doc).read();
  }

  /**
   * Infers a config from column names and a sample of values: field kinds (email, phone, names,
   * dates, postcodes, addresses, free text), comparators and blocking keys.
   *
   * @param columns the columns to consider (leave the id column out)
   * @param sample some records, used to recognize columns by their values
   * @throws IllegalArgumentException when no column can be used for matching
   */
  public static DedupeConfig infer(Collection<String> columns, List<? extends Record> sample) {
    return FieldInference.infer(columns, sample);
  }
}

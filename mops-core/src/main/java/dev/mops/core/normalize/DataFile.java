package dev.mops.core.normalize;

import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line-oriented reference list: UTF-8 text, one entry a line, {@code #} starts a comment, blank
 * lines ignored. Loaded from this package's resources or from a caller's file.
 *
 * <p>Thread safety: an immutable value.
 */
final class DataFile {

  /** One meaningful line: its 1-based number and its text with comment and outer blanks removed. */
  record Line(String source, int number, String text) {

    /** Returns a configuration error pointing at this line. */
    ConfigException error(String problem) {
      return new ConfigException(new ConfigLocation(source, number, 1, ""), problem);
    }
  }

  private final String source;
  private final List<Line> lines;

  private DataFile(String source, List<Line> lines) {
    this.source = source;
    this.lines = List.copyOf(lines);
  }

  String source() {
    return source;
  }

  List<Line> lines() {
    return lines;
  }

  /** Loads a list shipped in this package's resources, such as {@code free-mail-domains.txt}. */
  static DataFile resource(String name) {
    String path = "/dev/mops/core/normalize/" + name;
    InputStream in = DataFile.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing bundled data file " + path);
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return read(name, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled data file " + path, e);
    }
  }

  /**
   * Loads a caller's list.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  static DataFile file(Path file) {
    Objects.requireNonNull(file, "file");
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file.toString(), reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read data file " + file, e);
    }
  }

  /** Builds a list from entries given in code; each entry is one line, comments are not stripped. */
  static DataFile entries(String source, Iterable<? extends CharSequence> entries) {
    Objects.requireNonNull(entries, "entries");
    List<Line> out = new ArrayList<>();
    int number = 0;
    for (CharSequence entry : entries) {
      number++;
      if (entry == null) {
        throw new NullPointerException(source + " entry " + number + " is null");
      }
      String text = entry.toString().strip();
      if (!text.isEmpty()) {
        out.add(new Line(source, number, text));
      }
    }
    return new DataFile(source, out);
  }

  private static DataFile read(String source, BufferedReader reader) throws IOException {
    List<Line> out = new ArrayList<>();
    int number = 0;
    for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
      number++;
      if (number == 1 && !raw.isEmpty() && raw.charAt(0) == '\uFEFF') {
        raw = raw.substring(1);
      }
      int hash = raw.indexOf('#');
      String text = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      if (!text.isEmpty()) {
        out.add(new Line(source, number, text));
      }
    }
    return new DataFile(source, out);
  }
}

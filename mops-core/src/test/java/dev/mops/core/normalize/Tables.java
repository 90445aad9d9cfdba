package dev.mops.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.Finding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads the test tables in {@code src/test/resources/dev/mops/core/normalize}: one case a line,
 * cells separated by {@code |}, {@code #} comment lines; cells are trimmed unless written as
 * {@code «...»} (inside which {@code \t} is a tab).
 */
final class Tables {

  private Tables() {}

  /** Returns the rows of {@code name}, each padded with empty cells to {@code columns}. */
  static Stream<Arguments> load(String name, int columns) {
    return rows(name, columns).stream().map(cells -> Arguments.of((Object[]) cells));
  }

  static List<String[]> rows(String name, int columns) {
    InputStream in = Tables.class.getResourceAsStream("/dev/mops/core/normalize/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test table " + name);
    }
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int number = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] raw = line.split("\\|", -1);
        if (raw.length > columns) {
          throw new IllegalStateException(name + ":" + number + ": " + raw.length
              + " cells, expected at most " + columns);
        }
        String[] cells = new String[columns];
        for (int i = 0; i < columns; i++) {
          cells[i] = i < raw.length ? cell(raw[i]) : "";
        }
        out.add(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String cell(String raw) {
    String t = raw.strip();
    if (t.startsWith("«") && t.endsWith("»")) {
      return t.substring(1, t.length() - 1).replace("\\t", "\t");
    }
    return t;
  }

  /** Returns {@code null} for an empty cell. */
  static String orNull(String cell) {
    return cell.isEmpty() ? null : cell;
  }

  /** Asserts the findings' codes, in order, equal the comma-separated {@code expected}. */
  static void assertCodes(List<Finding> findings, String expected, String context) {
    String actual = findings.stream().map(Finding::code).collect(Collectors.joining(","));
    assertThat(actual).as("finding codes for %s", context).isEqualTo(expected.replace(" ", ""));
  }
}

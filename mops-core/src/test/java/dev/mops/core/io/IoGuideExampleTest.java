package dev.mops.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of docs/io.md kept runnable, and its table of finding codes kept complete. */
class IoGuideExampleTest {

  @Test
  void guideExampleWorksAsWritten(@TempDir Path dir) throws IOException {
    Path kontakte = ExportCorpusTest.export("excel-semicolon-1252.csv");
    ReadOptions options = ReadOptions.builder()
        .encoding("windows-1252")
        .build();
    List<String> firstNames = new ArrayList<>();
    try (RecordReader in = RecordReader.open(kontakte, options)) {
      assertThat(in.layout().summary()).isEqualTo("CSV, windows-1252 (option), delimiter semicolon (from the header)");
      for (InputRecord r; (r = in.next()) != null; ) {
        firstNames.add(String.valueOf(r.record().get("Vorname")));
        assertThat(r.findings()).isEmpty();
      }
    }
    assertThat(firstNames.get(0)).isEqualTo("Jürgen");
    Path clean = dir.resolve("clean.xlsx");
    try (RecordWriter out = RecordWriter.open(clean, List.of("email", "score"))) {
      out.write(List.of("ana@example.com", 87));
    }
    try (RecordReader back = RecordReader.open(clean)) {
      InputRecord r = back.next();
      assertThat(r.record().get("email")).isEqualTo("ana@example.com");
      assertThat(r.record().get("score")).isEqualTo("87");
    }
  }

  @Test
  void everyFindingCodeIsDocumented() throws IOException {
    String guide = Files.readString(Path.of("..", "docs", "io.md"), StandardCharsets.UTF_8);
    Pattern code = Pattern.compile("Finding\\.(?:error|warning|info)\\(\\s*\"([A-Z_]+)\"");
    Set<String> codes = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src", "main", "java", "dev", "mops", "core", "io"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Matcher m = code.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          codes.add(m.group(1));
        }
      }
    }
    assertThat(codes).contains("INVALID_ENCODING", "CSV_SHORT_ROW", "XLSX_ERROR_CELL");
    for (String c : codes) {
      assertThat(guide).as("docs/io.md documents %s", c).contains("| `" + c + "` |");
    }
  }
}

package dev.mops.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Finding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Encodings, delimiters, gzip and Excel output through the public {@code open} methods. */
class ExportFormatsTest {

  @TempDir Path dir;

  private static RecordReader open(String name, byte[] bytes, ReadOptions options) throws IOException {
    return RecordReader.open(name, new ByteArrayInputStream(bytes), RecordReader.Format.forName(name), options);
  }

  private static RecordReader open(String name, byte[] bytes) throws IOException {
    return open(name, bytes, ReadOptions.defaults());
  }

  private static List<InputRecord> all(RecordReader in) throws IOException {
    List<InputRecord> out = new ArrayList<>();
    for (InputRecord r; (r = in.next()) != null; ) {
      out.add(r);
    }
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void utf8WithBomCrlfAndAQuotedNewlineKeepsWorking() throws IOException {
    byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        "id,note\r\n1,\"two\r\nlines\"\r\n2,ü\r\n".getBytes(StandardCharsets.UTF_8));
    try (RecordReader in = open("x.csv", bytes)) {
      assertThat(in.fields()).containsExactly("id", "note");
      List<InputRecord> rs = all(in);
      assertThat(rs).extracting(r -> r.record().get("note")).containsExactly("two\r\nlines", "ü");
      assertThat(rs).extracting(InputRecord::line).containsExactly(2L, 4L);
      assertThat(rs).allSatisfy(r -> assertThat(r.findings()).isEmpty());
    }
  }

  @ParameterizedTest
  @CsvSource({"UTF-16BE,FEFF", "UTF-16LE,FFFE"})
  void utf16ByteOrderMarksWin(String charset, String bom) throws IOException {
    byte[] mark = {(byte) Integer.parseInt(bom.substring(0, 2), 16), (byte) Integer.parseInt(bom.substring(2), 16)};
    byte[] bytes = concat(mark, "name\tcity\nŁukasz\tKraków\n".getBytes(Charset.forName(charset)));
    ReadOptions latin1 = ReadOptions.builder().encoding("ISO-8859-1").build();
    try (RecordReader in = open("x.txt", bytes, latin1)) {
      assertThat(in.layout().encoding()).isEqualTo(Charset.forName(charset));
      assertThat(in.layout().summary()).contains("(byte-order mark)", "delimiter tab");
      assertThat(in.next().record().get("city")).isEqualTo("Kraków");
    }
  }

  @Test
  void utf16WithoutAMarkIsDetectedOrReadAsAsked() throws IOException {
    byte[] le = "a,b\n1,ż\n".getBytes(StandardCharsets.UTF_16LE);
    try (RecordReader in = open("x.csv", le)) {
      assertThat(in.layout().summary()).startsWith("CSV, UTF-16LE (detected)");
      assertThat(in.next().record().get("b")).isEqualTo("ż");
    }
    try (RecordReader in = open("x.csv", le, ReadOptions.builder().encoding("utf-16").build())) {
      assertThat(in.layout().encoding()).isEqualTo(StandardCharsets.UTF_16LE);
      assertThat(in.next().record().get("b")).isEqualTo("ż");
    }
    byte[] be = "a,b\n1,ż\n".getBytes(StandardCharsets.UTF_16BE);
    try (RecordReader in = open("x.csv", be, ReadOptions.builder().encoding("UTF-16").build())) {
      assertThat(in.next().record().get("b")).isEqualTo("ż");
    }
  }

  @Test
  void aRealReplacementCharacterIsNotAFinding() throws IOException {
    try (RecordReader in = open("x.csv", "a\n\uFFFD ok\n".getBytes(StandardCharsets.UTF_8))) {
      InputRecord r = in.next();
      assertThat(r.record().get("a")).isEqualTo("\uFFFD ok");
      assertThat(r.findings()).isEmpty();
    }
  }

  @Test
  void invalidBytesFarIntoTheFileHaveTheirLineAndColumn() throws IOException {
    StringBuilder sb = new StringBuilder("id,name\n");
    for (int i = 0; i < 20_000; i++) {
      sb.append(i).append(",\"quoted\nname ").append(i).append("\"\n");
    }
    byte[] bytes = concat(sb.toString().getBytes(StandardCharsets.UTF_8),
        "x,\"ab\n".getBytes(StandardCharsets.UTF_8), new byte[] {'c', (byte) 0xE9, 'd', (byte) 0xFF, '"', '\n'});
    try (RecordReader in = open("big.csv", bytes)) {
      List<InputRecord> rs = all(in);
      assertThat(rs).hasSize(20_001);
      InputRecord last = rs.get(20_000);
      assertThat(last.findings()).hasSize(1);
      Finding f = last.findings().get(0);
      assertThat(f.code()).isEqualTo("INVALID_ENCODING");
      assertThat(f.field()).isEqualTo("name");
      assertThat(f.message()).startsWith("big.csv:40003:2: in field 'name': byte 0xE9 is not valid UTF-8;")
          .contains("'é'", "--encoding windows-1252");
      assertThat(rs.subList(0, 20_000)).allSatisfy(r -> assertThat(r.findings()).isEmpty());
    }
  }

  @Test
  void bytesThatAreNotWindows1252GetNoHint() throws IOException {
    byte[] bytes = concat("a,b\n1,".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0x81, '\n'});
    try (RecordReader in = open("x.csv", bytes)) {
      assertThat(in.next().findings().get(0).message()).isEqualTo("x.csv:2:3: in field 'b': byte 0x81 is not valid UTF-8");
    }
    try (RecordReader in = open("x.csv", bytes, ReadOptions.builder().encoding("windows-1252").build())) {
      assertThat(in.next().findings()).extracting(Finding::code, Finding::rawValue)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("INVALID_ENCODING", "0x81"));
    }
    try (RecordReader in = open("x.csv", bytes, ReadOptions.builder().encoding("latin1").build())) {
      assertThat(in.next().findings()).as("every byte is a character in ISO-8859-1").isEmpty();
    }
  }

  @Test
  void aTruncatedSequenceAtTheEndIsAFinding() throws IOException {
    byte[] bytes = concat("a\nx".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE2, (byte) 0x82});
    try (RecordReader in = open("x.csv", bytes)) {
      InputRecord r = in.next();
      assertThat(r.findings()).extracting(Finding::code).containsExactly("INVALID_ENCODING");
      assertThat(r.findings().get(0).rawValue()).isEqualTo("0xE2 0x82");
      assertThat(in.next()).isNull();
    }
  }

  @Test
  void invalidBytesInTheHeaderFailWithTheHint() {
    byte[] bytes = concat("id;Stra".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xDF}, "e\n1;2\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> open("de.csv", bytes))
        .isInstanceOf(IOException.class)
        .hasMessage("de.csv:1:8: in the header: byte 0xDF is not valid UTF-8; the file looks like windows-1252"
            + " (where they read 'ß'): read it with --encoding windows-1252");
  }

  @Test
  void jsonLinesReportInvalidBytesToo() throws IOException {
    byte[] bytes = concat("{\"a\": \"ok\"}\n{\"a\": \"J".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFC},
        "rgen\"}\n".getBytes(StandardCharsets.UTF_8));
    try (RecordReader in = open("x.jsonl", bytes)) {
      assertThat(in.next().findings()).isEmpty();
      InputRecord r = in.next();
      assertThat(r.record().get("a")).isEqualTo("J\uFFFDrgen");
      assertThat(r.findings()).extracting(Finding::message)
          .containsExactly("x.jsonl:2:9: byte 0xFC is not valid UTF-8; the file looks like windows-1252 (where they read 'ü'):"
              + " read it with --encoding windows-1252");
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '!', value = {
    "a,b,c!comma",
    "a;b;c!semicolon",
    "a\tb\tc!tab",
    "a|b|c!pipe",
    "\"x,y\";b;c!semicolon",
    "name!comma",
    "a;b,c,d!comma",
  })
  void delimiterIsSniffedFromTheHeader(String header, String expected) throws IOException {
    try (RecordReader in = open("x.csv", (header.replace("\\t", "\t") + "\n1\n").getBytes(StandardCharsets.UTF_8))) {
      assertThat(in.layout().summary()).endsWith("delimiter " + expected + " (from the header)");
      assertThat(ReadOptions.delimiterName(in.layout().delimiter())).isEqualTo(expected);
    }
  }

  @Test
  void delimiterFromTheOptionOrATsvName() throws IOException {
    byte[] bytes = "a;b\tc\n1;2\t3\n".getBytes(StandardCharsets.UTF_8);
    try (RecordReader in = open("x.tsv.gz", gzip(bytes))) {
      assertThat(in.fields()).containsExactly("a;b", "c");
      assertThat(in.layout().summary()).endsWith("delimiter tab (file name)");
    }
    try (RecordReader in = open("x.tsv", bytes, ReadOptions.builder().delimiter(';').build())) {
      assertThat(in.fields()).containsExactly("a", "b\tc");
      assertThat(in.layout().summary()).endsWith("delimiter semicolon (option)");
    }
    assertThat(ReadOptions.parseDelimiter("TAB")).isEqualTo('\t');
    assertThat(ReadOptions.parseDelimiter("|")).isEqualTo('|');
    assertThatThrownBy(() -> ReadOptions.parseDelimiter("colon")).hasMessage(
        "unknown delimiter 'colon', expected comma, semicolon, tab or pipe");
    assertThatThrownBy(() -> ReadOptions.parseEncoding("ebcdic")).hasMessageContaining("expected UTF-8, windows-1252");
    assertThatThrownBy(() -> ReadOptions.builder().delimiter(',').delimiter(';')).isInstanceOf(IllegalStateException.class);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void gzipIsRecognizedByItsMagicEvenWithoutTheName() throws IOException {
    try (RecordReader in = RecordReader.open("<stdin>", new ByteArrayInputStream(gzip("a\n1\n".getBytes(StandardCharsets.UTF_8))),
        RecordReader.Format.CSV)) {
      assertThat(in.next().record().get("a")).isEqualTo("1");
    }
  }

  @Test
  void archivesAndOldWorkbooksReadAsTextFailClearly() {
    assertThatThrownBy(() -> open("x.csv", new byte[] {'P', 'K', 3, 4, 0, 0}))
        .hasMessageContaining("zip archive").hasMessageContaining(".xlsx");
    assertThatThrownBy(() -> open("x.csv", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}))
        .hasMessageContaining("Excel 97-2003");
  }

  @Test
  void writersGzipAndWriteExcelByName() throws IOException {
    List<String> fields = List.of("id", "zip", "amount", "active", "note");
    List<List<Object>> rows = List.of(
        Arrays.asList("1", "02134", 12.5, true, "multi\nline, \"quoted\""),
        Arrays.asList("2", null, 7L, false, "Müller"));
    for (String name : List.of("out.csv.gz", "out.jsonl.gz", "out.xlsx")) {
      Path file = dir.resolve(name);
      try (RecordWriter w = RecordWriter.open(file, fields)) {
        for (List<Object> r : rows) {
          w.write(r);
        }
      }
      byte[] head = Arrays.copyOf(Files.readAllBytes(file), 2);
      assertThat(head).as(name).isEqualTo(name.endsWith(".gz") ? new byte[] {0x1F, (byte) 0x8B} : new byte[] {'P', 'K'});
      try (RecordReader in = RecordReader.open(file)) {
        assertThat(in.fields()).containsExactly("id", "zip", "amount", "active", "note");
        List<InputRecord> back = all(in);
        assertThat(back).hasSize(2);
        assertThat(String.valueOf(back.get(0).record().get("zip"))).as(name).isEqualTo("02134");
        assertThat(String.valueOf(back.get(0).record().get("amount"))).as(name).isEqualTo("12.5");
        assertThat(String.valueOf(back.get(0).record().get("active")).toLowerCase(java.util.Locale.ROOT)).isEqualTo("true");
        assertThat(back.get(0).record().get("note")).as(name).isEqualTo("multi\nline, \"quoted\"");
        assertThat(back.get(1).record().get("zip")).as(name).isNull();
        assertThat(back.get(1).record().get("note")).as(name).isEqualTo("Müller");
      }
    }
  }
}

package dev.mops.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Finding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordIoTest {

  private static List<InputRecord> readAll(RecordReader in) throws IOException {
    List<InputRecord> out = new ArrayList<>();
    for (InputRecord r; (r = in.next()) != null; ) {
      out.add(r);
    }
    return out;
  }

  private static RecordReader csv(String text) throws IOException {
    return RecordReader.open("t.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), RecordReader.Format.CSV);
  }

  @Test
  void readsRfc4180() throws IOException {
    String text = "\uFEFFid,name,note\r\n1,\"Smith, Jo\",\"said \"\"hi\"\"\"\r\n2,,\"\"\n\n3,\"multi\nline\",x";
    try (RecordReader in = csv(text)) {
      assertThat(in.fields()).containsExactly("id", "name", "note");
      List<InputRecord> rs = readAll(in);
      assertThat(rs).hasSize(3);
      assertThat(rs.get(0).record().get("name")).isEqualTo("Smith, Jo");
      assertThat(rs.get(0).record().get("note")).isEqualTo("said \"hi\"");
      assertThat(rs.get(1).record().get("name")).as("empty unquoted is missing").isNull();
      assertThat(rs.get(1).record().get("note")).as("quoted empty is empty").isEqualTo("");
      assertThat(rs.get(2).record().get("name")).isEqualTo("multi\nline");
      assertThat(rs.get(2).line()).isEqualTo(5);
      assertThat(rs.get(2).number()).isEqualTo(3);
      assertThat(rs).allSatisfy(r -> assertThat(r.findings()).isEmpty());
    }
  }

  @Test
  void shortLongAndUnterminatedRowsAreFindingsNotFailures() throws IOException {
    try (RecordReader in = csv("a,b\n1\n1,2,3\n\"open,4\n")) {
      List<InputRecord> rs = readAll(in);
      assertThat(rs).hasSize(3);
      assertThat(rs.get(0).findings()).extracting(Finding::code).containsExactly("CSV_SHORT_ROW");
      assertThat(rs.get(1).findings()).extracting(Finding::code).containsExactly("CSV_LONG_ROW");
      assertThat(rs.get(2).findings()).extracting(Finding::code).containsExactly("CSV_UNTERMINATED_QUOTE", "CSV_SHORT_ROW");
    }
  }

  @Test
  void badHeadersFailWithAClearMessage() {
    assertThatThrownBy(() -> csv("a,b,a\n")).hasMessage("t.csv:1: column 'a' appears twice in the header");
    assertThatThrownBy(() -> csv("a,,b\n")).hasMessageContaining("empty column name");
    assertThatThrownBy(() -> csv("")).hasMessageContaining("empty input");
  }

  @Test
  void trimsWhenAsked() throws IOException {
    try (CsvReader in = new CsvReader("f.csv", new StringReader("rec_id, given_name\nrec-1-org, michaela\n"), ',', true)) {
      assertThat(in.fields()).containsExactly("rec_id", "given_name");
      assertThat(in.next().record().get("given_name")).isEqualTo("michaela");
    }
  }

  @Test
  void jsonLinesKeepEveryRecord() throws IOException {
    String text = "{\"a\": 1, \"b\": \"x\"}\n\n{broken\n{\"a\": 2, \"c\": [1,2]}\n";
    try (RecordReader in = RecordReader.open("t.jsonl", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), RecordReader.Format.JSONL)) {
      assertThat(in.fields()).containsExactly("a", "b");
      List<InputRecord> rs = readAll(in);
      assertThat(rs).hasSize(3);
      assertThat(rs.get(1).findings()).extracting(Finding::code).containsExactly("MALFORMED_JSON");
      assertThat(rs.get(1).line()).isEqualTo(3);
      assertThat(rs.get(2).record().get("c")).isEqualTo(List.of(1L, 2L));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L, 3L, 42L, 20261122L})
  void csvWriteThenReadRoundTrips(long seed) throws IOException {
    Random r = new Random(seed);
    String alphabet = "ab ,\"\n\r;é\t";
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      List<String> row = new ArrayList<>();
      for (int j = 0; j < 3; j++) {
        StringBuilder sb = new StringBuilder("v");
        for (int k = r.nextInt(8); k > 0; k--) {
          sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        row.add(sb.toString());
      }
      rows.add(row);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (RecordWriter w = RecordWriter.open(bytes, RecordReader.Format.CSV, List.of("x", "y", "z"))) {
      for (List<String> row : rows) {
        w.write(row);
      }
    }
    try (RecordReader in = RecordReader.open("rt.csv", new ByteArrayInputStream(bytes.toByteArray()), RecordReader.Format.CSV)) {
      List<InputRecord> back = readAll(in);
      assertThat(back).hasSize(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        InputRecord b = back.get(i);
        assertThat(Arrays.asList(b.record().get("x"), b.record().get("y"), b.record().get("z"))).isEqualTo(rows.get(i));
      }
    }
  }

  @Test
  void jsonLinesWriterKeepsTypes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (RecordWriter w = RecordWriter.open(bytes, RecordReader.Format.JSONL, List.of("a", "b", "c", "d"))) {
      w.write(Arrays.asList(1L, "x", true, null));
      w.write(Arrays.asList(2.5, List.of("p", "q"), false, "z"));
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":1,\"b\":\"x\",\"c\":true,\"d\":null}\n{\"a\":2.5,\"b\":[\"p\",\"q\"],\"c\":false,\"d\":\"z\"}\n");
  }

  @Test
  void formatsFromNames() {
    assertThat(RecordReader.Format.forName("x.JSONL")).isEqualTo(RecordReader.Format.JSONL);
    assertThat(RecordReader.Format.forName("x.ndjson")).isEqualTo(RecordReader.Format.JSONL);
    assertThat(RecordReader.Format.forName("x.tsv")).isEqualTo(RecordReader.Format.CSV);
    assertThat(RecordReader.Format.forName("x.xlsx")).isEqualTo(RecordReader.Format.XLSX);
    assertThat(RecordReader.Format.forName("x.csv.gz")).isEqualTo(RecordReader.Format.CSV);
    assertThat(RecordReader.Format.forName("x.jsonl.GZ")).isEqualTo(RecordReader.Format.JSONL);
    assertThatThrownBy(() -> RecordReader.Format.parse("xml")).hasMessageContaining("expected csv, jsonl or xlsx");
  }
}

package dev.mops.cli;

import static dev.mops.cli.CliRun.mops;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exports, tried as a new user would: mops normalize on each. */
class ExportInputTest {

  @TempDir Path dir;

  private static final String GERMAN = "id;first_name;last_name;company;country\r\n1;Jürgen;Müller;Müller GmbH;Deutschland\r\n";

  @Test
  void windows1252WithoutTheOptionIsCountedFindingsWithTheHint() throws Exception {
    Path in = dir.resolve("de.csv");
    Files.write(in, GERMAN.getBytes(Charset.forName("windows-1252")));
    Path out = dir.resolve("out.csv");
    CliRun r = mops("normalize", "--input", in.toString(), "--output", out.toString(), "--fail-on", "error");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("reading " + in + ": CSV, UTF-8 (default), delimiter semicolon (from the header)");
    assertThat(r.err()).contains("error INVALID_ENCODING: " + in + ":2:4: in field 'first_name': byte 0xFC is not valid UTF-8;"
        + " the file looks like windows-1252 (where they read 'ü'): read it with --encoding windows-1252");
    assertThat(r.err()).contains("1 records read, 1 with issues");
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8).get(1))
        .contains("INVALID_ENCODING:first_name;INVALID_ENCODING:last_name;INVALID_ENCODING:company");
  }

  @Test
  void windows1252WithTheOptionNormalizesCleanly() throws Exception {
    Path in = dir.resolve("de.csv");
    Files.write(in, GERMAN.getBytes(Charset.forName("windows-1252")));
    Path out = dir.resolve("out.csv");
    CliRun r = mops("normalize", "-i", in.toString(), "-o", out.toString(), "--encoding", "windows-1252");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("CSV, windows-1252 (option), delimiter semicolon (from the header)", "1 records read, 0 with issues");
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("id,first_name,last_name,company,country,company_normalized,country_code");
    assertThat(lines.get(1)).startsWith("1,Jürgen,Müller,Müller GmbH,Deutschland,muller,DE,jurgen,muller,");
  }

  @Test
  void utf16TabTextAndAnExplicitDelimiter() throws Exception {
    Path in = dir.resolve("unicode.txt");
    byte[] body = "email\tcountry\r\nana@example.com\tPolska\r\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 2, body.length);
    Files.write(in, bytes);
    Path out = dir.resolve("out.csv");
    CliRun r = mops("normalize", "-i", in.toString(), "--delimiter", "tab", "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("CSV, UTF-16LE (byte-order mark), delimiter tab (option)");
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).startsWith("email,country,email_normalized,email_flags,domain,country_code,issues\n"
        + "ana@example.com,Polska,ana@example.com,,example.com,PL,\n");
    CliRun bad = mops("normalize", "-i", in.toString(), "--delimiter", "colon");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo("mops normalize: --delimiter: unknown delimiter 'colon', expected comma, semicolon, tab or pipe");
  }

  @Test
  void gzipInAndExcelOutAndBack() throws Exception {
    Path in = dir.resolve("leads.csv.gz");
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(gz)) {
      o.write("id,email,zip\n1,Ana@Example.com,02134\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.write(in, gz.toByteArray());
    Path xlsx = dir.resolve("out.xlsx");
    CliRun r = mops("normalize", "-i", in.toString(), "-o", xlsx.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path csvGz = dir.resolve("again.csv.gz");
    CliRun again = mops("normalize", "-i", xlsx.toString(), "--sheet", "records", "-o", csvGz.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("Excel workbook, sheet 'records'");
    String text = new String(new GZIPInputStream(Files.newInputStream(csvGz)).readAllBytes(), StandardCharsets.UTF_8);
    assertThat(text.lines().skip(1).findFirst()).hasValue(
        "1,Ana@Example.com,02134,ana@example.com,,example.com,,ana@example.com,,example.com,");
    List<String> emails = new ArrayList<>();
    try (RecordReader back = RecordReader.open(xlsx)) {
      for (InputRecord x; (x = back.next()) != null; ) {
        emails.add(String.valueOf(x.record().get("email_normalized")));
      }
    }
    assertThat(emails).containsExactly("ana@example.com");
    CliRun noSheet = mops("normalize", "-i", xlsx.toString(), "--sheet", "Leads");
    assertThat(noSheet.code()).isEqualTo(2);
    assertThat(noSheet.err()).contains("no sheet named 'Leads'; the sheets are 'records'");
  }
}

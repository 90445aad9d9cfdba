package dev.mops.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Finding;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The committed export corpus (written by {@link ExportCorpus}) reads as the records below. */
class ExportCorpusTest {

  static Path export(String name) {
    try {
      return Path.of(ExportCorpusTest.class.getResource("exports/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads every record as its values in field order, with the codes of its findings last. */
  static List<List<@Nullable Object>> rows(RecordReader in) throws IOException {
    List<List<@Nullable Object>> out = new ArrayList<>();
    for (InputRecord r; (r = in.next()) != null; ) {
      List<@Nullable Object> row = new ArrayList<>();
      for (String f : in.fields()) {
        row.add(r.record().get(f));
      }
      row.add(r.findings().stream().map(Finding::code).toList());
      out.add(row);
    }
    return out;
  }

  static List<@Nullable Object> row(@Nullable Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void excelUtf8CsvWithBomCrlfAndAQuotedNewline() throws IOException {
    try (RecordReader in = RecordReader.open(export("excel-utf8-bom.csv"))) {
      assertThat(in.layout().summary()).isEqualTo("CSV, UTF-8 (byte-order mark), delimiter comma (from the header)");
      assertThat(in.fields()).containsExactly("Email", "First Name", "Last Name", "Company", "Country", "Notes");
      assertThat(rows(in)).containsExactly(
          row("juergen.mueller@example.de", "Jürgen", "Müller", "Müller GmbH", "Deutschland", null, List.of()),
          row("jose@example.es", "José", "García", "Acme, S.L.", "España", "Met at the booth,\nwants a demo", List.of()),
          row("ana@example.com", "Ana", "Ødegård", "Nordic AS", "Norge", "said \"call me\"", List.of()));
    }
  }

  @Test
  void excelSemicolonCsvInWindows1252() throws IOException {
    ReadOptions cp1252 = ReadOptions.builder().encoding("windows-1252").build();
    try (RecordReader in = RecordReader.open(export("excel-semicolon-1252.csv"), cp1252)) {
      assertThat(in.layout().summary()).isEqualTo("CSV, windows-1252 (option), delimiter semicolon (from the header)");
      assertThat(in.layout().delimiter()).isEqualTo(';');
      assertThat(rows(in)).containsExactly(
          row("juergen.mueller@example.de", "Jürgen", "Müller", "Müller GmbH", "1.234,56", "Straße 5", List.of()),
          row("f.weiss@example.at", "François", "Weiß", "Weiß & Söhne; KG", "99,90", "Preis 20 €", List.of()),
          row("b.oconnor@example.ie", "Brían", "O’Connor", "Öko AG", "0", null, List.of()));
    }
  }

  @Test
  void windows1252ReadAsUtf8IsFindingsWithLineColumnAndTheHint() throws IOException {
    try (RecordReader in = RecordReader.open(export("excel-semicolon-1252.csv"))) {
      InputRecord first = in.next();
      assertThat(first.findings()).extracting(Finding::code).containsOnly("INVALID_ENCODING");
      assertThat(first.findings()).extracting(Finding::field).containsExactly("Vorname", "Nachname", "Firma", "Notiz");
      Finding f = first.findings().get(0);
      assertThat(f.rawValue()).isEqualTo("0xFC");
      assertThat(f.message()).endsWith("excel-semicolon-1252.csv:2:29: in field 'Vorname': byte 0xFC is not valid UTF-8;"
          + " the file looks like windows-1252 (where they read 'ü'): read it with --encoding windows-1252");
      assertThat(first.record().get("Vorname")).as("the record is kept, the bad byte marked").isEqualTo("J\uFFFDrgen");
      assertThat(rows(in)).hasSize(2).allSatisfy(r -> assertThat(String.valueOf(r.get(r.size() - 1))).contains("INVALID_ENCODING"));
    }
  }

  @Test
  void excelUnicodeTextIsUtf16WithTabs() throws IOException {
    try (RecordReader in = RecordReader.open(export("excel-unicode-text.txt"))) {
      assertThat(in.layout().summary()).isEqualTo("CSV, UTF-16LE (byte-order mark), delimiter tab (from the header)");
      assertThat(rows(in)).containsExactly(
          row("taro@example.jp", "山田太郎", "東京", "87", List.of()),
          row("lukasz@example.pl", "Łukasz Żółć", "Kraków", "42", List.of()),
          row("noor@example.ae", "نور", "دبي", null, List.of()));
    }
  }

  @Test
  void salesforceReportWithQuotedNewlinesAndItsFooter() throws IOException {
    try (RecordReader in = RecordReader.open(export("salesforce-report.csv"))) {
      List<List<@Nullable Object>> rows = rows(in);
      assertThat(rows).hasSize(5);
      assertThat(rows.get(0)).containsExactly("00Q5g00000AbCdE", "Maria", "Schmidt", "Globex Corp", "maria@globex.com",
          "Open - Not Contacted", "Line one\nLine two, with a comma", List.of());
      assertThat(rows.get(1)).containsExactly("00Q5g00000AbCdF", "Tom", "O'Neil", "Initech", "tom@initech.com",
          "Working - Contacted", "He said \"send pricing\"", List.of());
      assertThat(rows.get(2)).as("quoted empty fields are empty, not missing")
          .containsExactly("00Q5g00000AbCdG", "", "Lee", "Umbrella", "", "Closed - Not Converted", "", List.of());
      assertThat(rows.subList(3, 5)).as("the footer lines are accounted for, as short rows")
          .extracting(r -> r.get(0) + " " + r.get(7))
          .containsExactly("Confidential Information - Do Not Distribute [CSV_SHORT_ROW]",
              "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved. [CSV_SHORT_ROW]");
    }
  }

  @Test
  void hubspotContactsExportHeaders() throws IOException {
    try (RecordReader in = RecordReader.open(export("hubspot-contacts.csv"))) {
      assertThat(in.fields()).containsExactly("Record ID", "First Name", "Last Name", "Email", "Phone Number",
          "Company Name", "Job Title", "Lifecycle Stage", "Lead Status", "Contact owner", "Create Date",
          "Last Activity Date", "Marketing contact status");
      assertThat(rows(in)).containsExactly(
          row("51", "Brian", "Halligan", "bh@hubspot.com", "+1 888-482-7768", "HubSpot", "Executive Chairman",
              "Customer", "", "Dharmesh Shah", "2024-01-15 10:23", "2026-02-01 16:05", "Marketing contact", List.of()),
          row("101", "Cool", "Robot", "coolrobot@hubspot.com", "", "", "", "Lead", "New", "", "2025-11-30 08:00", "",
              "Non-marketing contact", List.of()));
    }
  }

  @Test
  void gzippedCsv() throws IOException {
    try (RecordReader in = RecordReader.open(export("leads.csv.gz"))) {
      assertThat(in.fields()).containsExactly("id", "email", "utm_source");
      assertThat(rows(in)).containsExactly(
          row("1", "a@example.com", "newsletter", List.of()),
          row("2", "b@example.com", "linkedin", List.of()),
          row("3", "c@example.com", null, List.of()));
    }
  }

  @Test
  void twoSheetWorkbookFirstSheetAsExcelShowsIt() throws IOException {
    try (RecordReader in = RecordReader.open(export("two-sheets.xlsx"))) {
      assertThat(in.layout().summary()).isEqualTo("Excel workbook, sheet 'Leads' (the first)");
      assertThat(in.fields()).containsExactly("Email", "Signed Up", "Last Touch", "Deal Size", "Open Rate", "Zip",
          "Opted In", "Employees");
      List<InputRecord> all = new ArrayList<>();
      for (InputRecord r; (r = in.next()) != null; ) {
        all.add(r);
      }
      assertThat(all).extracting(InputRecord::line).as("rows as Excel numbers them; the blank row 4 skipped")
          .containsExactly(2L, 3L, 5L);
      assertThat(all.get(0).record().get("Signed Up")).isEqualTo("2026-01-15");
      assertThat(all.get(0).record().get("Last Touch")).isEqualTo("2/3/2026 2:30 PM");
      assertThat(all.get(0).record().get("Deal Size")).isEqualTo("12,500.50");
      assertThat(all.get(0).record().get("Open Rate")).isEqualTo("23.8%");
      assertThat(all.get(0).record().get("Zip")).isEqualTo("02134");
      assertThat(all.get(0).record().get("Opted In")).isEqualTo("TRUE");
      assertThat(all.get(0).record().get("Employees")).isEqualTo("250");
      assertThat(all.get(1).record().get("Signed Up")).isEqualTo("31-Dec-25");
      assertThat(all.get(1).record().get("Last Touch")).isNull();
      assertThat(all.get(1).record().get("Deal Size")).isEqualTo("($42.00)");
      assertThat(all.get(1).record().get("Open Rate")).isEqualTo("100%");
      assertThat(all.get(1).record().get("Zip")).isEqualTo("SW1A 1AA");
      assertThat(all.get(1).record().get("Opted In")).isEqualTo("FALSE");
      assertThat(all.get(1).record().get("Employees")).as("General, to Excel's 15 digits").isEqualTo("0.3");
      assertThat(all.get(2).record().get("Deal Size")).isEqualTo("1234567.891");
      assertThat(all).allSatisfy(r -> assertThat(r.findings()).isEmpty());
    }
  }

  @Test
  void twoSheetWorkbookSecondSheetByName() throws IOException {
    try (RecordReader in = RecordReader.open(export("two-sheets.xlsx"), ReadOptions.builder().sheet("Campaigns").build())) {
      assertThat(in.layout().sheet()).isEqualTo("Campaigns");
      assertThat(rows(in)).containsExactly(row("2026_Q1_Webinar_EMEA", "€ 15,000", "01.03.2026", List.of()));
    }
    assertThatThrownBy(() -> RecordReader.open(export("two-sheets.xlsx"), ReadOptions.builder().sheet("Contacts").build()))
        .isInstanceOf(IOException.class)
        .hasMessageEndingWith("two-sheets.xlsx: no sheet named 'Contacts'; the sheets are 'Leads', 'Campaigns'");
  }

  @Test
  void formulasReadAsTheirCachedResultsAndErrorsAsFindings() throws IOException {
    try (RecordReader in = RecordReader.open(export("formulas-and-errors.xlsx"))) {
      assertThat(in.fields()).containsExactly("Campaign", "Cost per lead", "Label");
      InputRecord webinar = in.next();
      assertThat(webinar.record().get("Cost per lead")).isEqualTo("$50.00");
      assertThat(webinar.record().get("Label")).isEqualTo("Webinar-EMEA");
      assertThat(webinar.findings()).isEmpty();
      InputRecord social = in.next();
      assertThat(social.record().get("Cost per lead")).isNull();
      assertThat(social.record().get("Label")).isNull();
      assertThat(social.findings()).extracting(Finding::code, Finding::field, Finding::rawValue).containsExactly(
          org.assertj.core.groups.Tuple.tuple("XLSX_ERROR_CELL", "Cost per lead", "#DIV/0!"),
          org.assertj.core.groups.Tuple.tuple("XLSX_ERROR_CELL", "Label", "#N/A"),
          org.assertj.core.groups.Tuple.tuple("XLSX_LONG_ROW", "", "stray"));
      assertThat(social.findings().get(0).message()).endsWith("formulas-and-errors.xlsx:B3: the cell shows the error #DIV/0!; read as missing");
      assertThat(in.next()).isNull();
    }
  }
}

package dev.mops.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes the export corpus of {@code src/test/resources/dev/mops/core/io/exports}: files shaped as
 * Excel, Salesforce and HubSpot write them (encodings, byte-order marks, delimiters, line ends,
 * quoting, compression and a two-sheet workbook). The files are committed; run this only to
 * change them, from the repository root:
 *
 * <pre>
 * mvn -B -ntp -o -q test-compile -pl mops-core
 * mvn -B -ntp -o -q dependency:build-classpath -pl mops-core -Dmdep.outputFile=/tmp/cp.txt
 * java -cp mops-core/target/test-classes:mops-core/target/classes:$(cat /tmp/cp.txt) \
 *     dev.mops.core.io.ExportCorpus mops-core/src/test/resources/dev/mops/core/io/exports
 * </pre>
 *
 * {@code ExportCorpusTest} holds the records each file must read as.
 */
public final class ExportCorpus {

  private ExportCorpus() {}

  /** Writes every file into the folder {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);

    // Excel "CSV UTF-8 (Comma delimited)": a byte-order mark, CRLF, quotes only where needed.
    write(dir.resolve("excel-utf8-bom.csv"), bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        crlf("Email,First Name,Last Name,Company,Country,Notes",
            "juergen.mueller@example.de,Jürgen,Müller,Müller GmbH,Deutschland,",
            "jose@example.es,José,García,\"Acme, S.L.\",España,\"Met at the booth,\nwants a demo\"",
            "ana@example.com,Ana,Ødegård,Nordic AS,Norge,\"said \"\"call me\"\"\"") , StandardCharsets.UTF_8));

    // Excel "CSV (Trennzeichen-getrennt)" in a German locale: windows-1252, semicolons, decimal
    // commas, CRLF, no byte-order mark.
    write(dir.resolve("excel-semicolon-1252.csv"), crlf(
            "E-Mail;Vorname;Nachname;Firma;Umsatz;Notiz",
            "juergen.mueller@example.de;Jürgen;Müller;Müller GmbH;1.234,56;Straße 5",
            "f.weiss@example.at;François;Weiß;\"Weiß & Söhne; KG\";99,90;Preis 20 €",
            "b.oconnor@example.ie;Brían;O’Connor;Öko AG;0;")
        .getBytes(Charset.forName("windows-1252")));

    // Excel "Unicode Text": UTF-16 little-endian with a byte-order mark, tabs, CRLF.
    write(dir.resolve("excel-unicode-text.txt"), bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, crlf(
            "Email\tName\tCity\tScore",
            "taro@example.jp\t山田太郎\t東京\t87",
            "lukasz@example.pl\tŁukasz Żółć\tKraków\t42",
            "noor@example.ae\tنور\tدبي\t"), StandardCharsets.UTF_16LE));

    // A Salesforce report exported as "Details Only" CSV: every field quoted, CRLF, a multi-line
    // description, and the footer lines Salesforce appends after a blank line.
    write(dir.resolve("salesforce-report.csv"), crlf(
            "\"Lead ID\",\"First Name\",\"Last Name\",\"Company / Account\",\"Email\",\"Lead Status\",\"Description\"",
            "\"00Q5g00000AbCdE\",\"Maria\",\"Schmidt\",\"Globex Corp\",\"maria@globex.com\",\"Open - Not Contacted\",\"Line one\nLine two, with a comma\"",
            "\"00Q5g00000AbCdF\",\"Tom\",\"O'Neil\",\"Initech\",\"tom@initech.com\",\"Working - Contacted\",\"He said \"\"send pricing\"\"\"",
            "\"00Q5g00000AbCdG\",\"\",\"Lee\",\"Umbrella\",\"\",\"Closed - Not Converted\",\"\"",
            "",
            "\"Confidential Information - Do Not Distribute\"",
            "\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"")
        .getBytes(StandardCharsets.UTF_8));

    // A HubSpot contacts export: HubSpot's column names, quoted, LF line ends.
    write(dir.resolve("hubspot-contacts.csv"), String.join("\n",
            "\"Record ID\",\"First Name\",\"Last Name\",\"Email\",\"Phone Number\",\"Company Name\",\"Job Title\","
                + "\"Lifecycle Stage\",\"Lead Status\",\"Contact owner\",\"Create Date\",\"Last Activity Date\","
                + "\"Marketing contact status\"",
            "\"51\",\"Brian\",\"Halligan\",\"bh@hubspot.com\",\"+1 888-482-7768\",\"HubSpot\",\"Executive Chairman\","
                + "\"Customer\",\"\",\"Dharmesh Shah\",\"2024-01-15 10:23\",\"2026-02-01 16:05\",\"Marketing contact\"",
            "\"101\",\"Cool\",\"Robot\",\"coolrobot@hubspot.com\",\"\",\"\",\"\",\"Lead\",\"New\",\"\",\"2025-11-30 08:00\",\"\","
                + "\"Non-marketing contact\"",
            "")
        .getBytes(StandardCharsets.UTF_8));

    // A gzipped CSV, as a warehouse unload writes it (a fixed modification time keeps it stable).
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gz)) {
      out.write("id,email,utm_source\n1,a@example.com,newsletter\n2,b@example.com,linkedin\n3,c@example.com,\n"
          .getBytes(StandardCharsets.UTF_8));
    }
    write(dir.resolve("leads.csv.gz"), gz.toByteArray());

    // A two-sheet workbook: "Leads" first, with dates, amounts, percentages, zip codes and a
    // boolean in Excel number formats; "Campaigns" second.
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    Workbook wb = new Workbook(xlsx, "mops-corpus", "1.0");
    wb.properties().setTitle("mops export corpus");
    Worksheet leads = wb.newWorksheet("Leads");
    String[] head = {"Email", "Signed Up", "Last Touch", "Deal Size", "Open Rate", "Zip", "Opted In", "Employees"};
    for (int c = 0; c < head.length; c++) {
      leads.value(0, c, head[c]);
    }
    leads.value(1, 0, "ana@example.com");
    leads.value(1, 1, LocalDate.of(2026, 1, 15));
    leads.style(1, 1).format("yyyy-mm-dd").set();
    leads.value(1, 2, java.time.LocalDateTime.of(2026, 2, 3, 14, 30));
    leads.style(1, 2).format("m/d/yyyy h:mm AM/PM").set();
    leads.value(1, 3, 12500.5);
    leads.style(1, 3).format("#,##0.00").set();
    leads.value(1, 4, 0.2375);
    leads.style(1, 4).format("0.0%").set();
    leads.value(1, 5, 2134);
    leads.style(1, 5).format("00000").set();
    leads.value(1, 6, true);
    leads.value(1, 7, 250);
    leads.value(2, 0, "bo@example.com");
    leads.value(2, 1, LocalDate.of(2025, 12, 31));
    leads.style(2, 1).format("d-mmm-yy").set();
    leads.value(2, 3, -42);
    leads.style(2, 3).format("$#,##0.00_);($#,##0.00)").set();
    leads.value(2, 4, 1);
    leads.style(2, 4).format("0%").set();
    leads.value(2, 5, "SW1A 1AA");
    leads.value(2, 6, false);
    leads.value(2, 7, 0.1 + 0.2);
    // a blank row, then one more record: blank rows are skipped
    leads.value(4, 0, "cy@example.com");
    leads.value(4, 3, 1234567.891);
    Worksheet campaigns = wb.newWorksheet("Campaigns");
    campaigns.value(0, 0, "Campaign");
    campaigns.value(0, 1, "Budget");
    campaigns.value(0, 2, "Start");
    campaigns.value(1, 0, "2026_Q1_Webinar_EMEA");
    campaigns.value(1, 1, 15000);
    campaigns.style(1, 1).format("[$€-407] #,##0").set();
    campaigns.value(1, 2, LocalDate.of(2026, 3, 1));
    campaigns.style(1, 2).format("dd.mm.yyyy").set();
    wb.finish();
    write(dir.resolve("two-sheets.xlsx"), xlsx.toByteArray());

    // A workbook as Excel saves formulas: cached results (a number, a text) and error values.
    // fastexcel cannot write cached results, so this one is written part by part.
    write(dir.resolve("formulas-and-errors.xlsx"), zip(
        "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "</Types>",
        "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>",
        "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"Costs\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
        "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>",
        "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"&quot;$&quot;#,##0.00\"/></numFmts>"
            + "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>",
        "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Campaign</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Cost per lead</t></is></c>"
            + "<c r=\"C1\" t=\"inlineStr\"><is><t>Label</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Webinar</t></is></c><c r=\"B2\" s=\"1\"><f>1500/30</f><v>50</v></c>"
            + "<c r=\"C2\" t=\"str\"><f>A2&amp;\"-EMEA\"</f><v>Webinar-EMEA</v></c></row>"
            + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>Paid social</t></is></c><c r=\"B3\" t=\"e\"><f>900/0</f><v>#DIV/0!</v></c>"
            + "<c r=\"C3\" t=\"e\"><v>#N/A</v></c><c r=\"E3\" t=\"inlineStr\"><is><t>stray</t></is></c></row>"
            + "</sheetData></worksheet>"));
  }

  /** Zips {@code name, content} pairs, with a fixed time so the bytes do not change between runs. */
  private static byte[] zip(String... namesAndContents) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        java.util.zip.ZipEntry e = new java.util.zip.ZipEntry(namesAndContents[i]);
        e.setTime(0);
        z.putNextEntry(e);
        z.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String crlf(String... lines) {
    return String.join("\r\n", lines) + "\r\n";
  }

  private static byte[] bytes(byte[] bom, String text, Charset cs) {
    byte[] body = text.getBytes(cs);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    return all;
  }

  private static void write(Path file, byte[] content) throws IOException {
    Files.write(file, content);
  }
}

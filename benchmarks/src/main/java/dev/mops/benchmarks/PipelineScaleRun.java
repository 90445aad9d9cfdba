package dev.mops.benchmarks;

import dev.mops.core.record.Record;
import dev.mops.testkit.SyntheticLeads;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.Set;

/**
 * Writes the input of the {@code mops run} scale measurement of docs/benchmarks.md: N synthetic
 * leads with known duplicates (SyntheticLeads, plus a title, a country and employees), about one
 * event per lead, a firmographics file with one row per company domain, and a pipeline.yaml that
 * runs every stage (contract, normalise, enrich, dedupe, identity, score, route with suppression,
 * notify with the SLA) on them, with the scoring model and routing table of {@code examples/}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.mops.benchmarks.PipelineScaleRun N DIR EXAMPLES_DIR},
 * then {@code java -Xmx6g -jar mops.jar run --pipeline DIR/pipeline.yaml --as-of 2026-03-10T14:00:00Z
 * --output-dir DIR/out}.
 *
 * <p>Thread safety: a program; not for concurrent use.
 */
public final class PipelineScaleRun {

  private static final String[] TITLES = {"VP Marketing", "Director of Demand Generation", "Marketing Manager",
    "CTO", "Software Engineer", "Head of Growth", "Analyst", "Founder", "Sales Manager", ""};
  private static final String[] COUNTRIES = {"US", "United States", "CA", "GB", "DE", "Germany", "FR", "AU", "IN", "ES"};
  private static final String[] INDUSTRIES = {"Software", "SaaS", "Fintech", "Manufacturing", "Retail", "Education",
    "Financial Services", "Media"};
  private static final String[] EVENTS = {"page_view", "email_open", "email_click", "form_fill", "webinar_attended",
    "content_download"};

  private PipelineScaleRun() {}

  /** Writes the files. */
  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    int n = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    Path examples = Path.of(args[2]).toAbsolutePath().normalize();
    Files.createDirectories(dir);
    long t0 = System.nanoTime();
    SyntheticLeads.Dataset data = SyntheticLeads.generate(n, 20_261_203L);
    SplittableRandom rnd = new SplittableRandom(42);
    Set<String> domains = new LinkedHashSet<>();
    long events = 0;
    try (BufferedWriter leads = Files.newBufferedWriter(dir.resolve("leads.csv"), StandardCharsets.UTF_8);
        BufferedWriter ev = Files.newBufferedWriter(dir.resolve("events.csv"), StandardCharsets.UTF_8)) {
      leads.write("id,first_name,last_name,email,phone,company,city,postcode,title,country,created_at\n");
      ev.write("lead_id,type,timestamp,url,form\n");
      for (Record r : data.records()) {
        String id = String.valueOf(r.get("id"));
        String email = text(r.get("email"));
        int at = email.indexOf('@');
        if (at > 0) {
          domains.add(email.substring(at + 1).toLowerCase(Locale.ROOT));
        }
        leads.write(String.join(",", csv(id), csv(text(r.get("first_name"))), csv(text(r.get("last_name"))), csv(email),
            csv(text(r.get("phone"))), csv(text(r.get("company"))), csv(text(r.get("city"))),
            csv(text(r.get("postcode"))), csv(TITLES[rnd.nextInt(TITLES.length)]),
            csv(COUNTRIES[rnd.nextInt(COUNTRIES.length)]), "2026-03-0" + (1 + rnd.nextInt(9)) + "T10:00:00Z"));
        leads.write('\n');
        int k = rnd.nextInt(3);
        for (int i = 0; i < k; i++) {
          String type = EVENTS[rnd.nextInt(EVENTS.length)];
          ev.write(id + "," + type + ",2026-03-0" + (1 + rnd.nextInt(9)) + "T1" + rnd.nextInt(10) + ":00:00Z,"
              + (type.equals("page_view") ? (rnd.nextBoolean() ? "/pricing" : "/product") : "") + ","
              + (type.equals("form_fill") ? (rnd.nextInt(4) == 0 ? "demo" : "contact") : "") + "\n");
          events++;
        }
      }
    }
    try (BufferedWriter f = Files.newBufferedWriter(dir.resolve("firmographics.csv"), StandardCharsets.UTF_8)) {
      f.write("domain,industry,employees,annual_revenue\n");
      int i = 0;
      for (String d : domains) {
        if (i++ % 5 == 4) {
          continue;   // a fifth of the companies are unknown to the provider
        }
        f.write(d + "," + INDUSTRIES[rnd.nextInt(INDUSTRIES.length)] + "," + (10 + rnd.nextInt(20_000)) + ","
            + (1_000_000L + rnd.nextInt(900_000_000)) + "\n");
      }
    }
    Files.writeString(dir.resolve("dedupe.yaml"), SyntheticLeads.configYaml(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("contract.yaml"), """
        contract: scale-leads
        version: 1
        fields:
          id: {type: string, required: true}
          email: {type: email, required: true, severity: error}
          last_name: {type: string, required: true}
          phone: {type: phone, severity: warning}
          created_at: {type: timestamp, required: true}
        """, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("suppression.csv"), "type,value,reason,expires\nrole_account,*,role accounts,\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("sla.yaml"), """
        version: 1
        name: speed-to-lead
        calendars:
          us: {zone: America/New_York, hours: {weekdays: "08:00-18:00"}}
        default_calendar: us
        goals:
          - {name: mql, when: {eq: {field: mql, value: true}}, target: 4h}
          - {name: other, target: 16h}
        """, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("pipeline.yaml"), """
        pipeline: scale
        version: "1"
        inputs:
          leads: leads.csv
          events: {file: events.csv, lead_field: lead_id}
          suppression: suppression.csv
          firmographics: firmographics.csv
        configs:
          contract: contract.yaml
          dedupe: dedupe.yaml
          scoring: %s
          routing: %s
          sla: sla.yaml
        enrich:
          timeout: 0
        output:
          stages: [validate, dedupe, score]
        """.formatted(examples.resolve("scoring/model.yaml"), examples.resolve("routing/routing.yaml")),
        StandardCharsets.UTF_8);
    out.printf(Locale.ROOT, "wrote %,d leads, %,d events, %,d domains to %s in %.1f s%n", n, events, domains.size(), dir,
        (System.nanoTime() - t0) / 1e9);
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  private static String csv(String s) {
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}

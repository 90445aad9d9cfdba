package dev.mops.scoring;

import dev.mops.core.FindingSink;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Shared test data: the example model and seeded random leads and events. */
final class Fixtures {

  static final Instant AS_OF = Instant.parse("2026-01-31T00:00:00Z");
  static final Path EXAMPLE = Path.of("..", "examples", "scoring", "model.yaml");

  private Fixtures() {}

  static ScoringModel example() {
    return ScoringModel.load(EXAMPLE);
  }

  static Record rec(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return Records.of(m);
  }

  static Record event(String type, Instant at, Object... props) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.put("timestamp", at.toString());
    for (int i = 0; i < props.length; i += 2) {
      m.put((String) props[i], props[i + 1]);
    }
    return Records.of(m);
  }

  static List<ArrayRow> events(ScoringModel model, List<Record> events) {
    List<ArrayRow> out = new ArrayList<>();
    for (Record e : events) {
      out.add(model.eventRow(e, FindingSink.IGNORE));
    }
    return out;
  }

  static final String[] TITLES = {
    "CEO", "VP Marketing", "Director of Demand Gen", "Marketing Manager", "Software Engineer", "Analyst",
    "Head of Growth", "Founder", "Intern", "", "Chief Revenue Officer", "Sales Rep"
  };
  static final String[] INDUSTRIES = {"Software", "SaaS", "Fintech", "Education", "Retail", "Government", "Food"};
  static final String[] COUNTRIES = {"US", "CA", "GB", "DE", "AU", "FR", "IN", "BR", ""};
  static final String[] TYPES = {
    "page_view", "page_view", "page_view", "email_open", "email_click", "form_fill", "content_download",
    "webinar_registered", "webinar_attended", "booth_scan", "meeting_booked", "trial_started", "unsubscribe", "other"
  };
  static final String[] URLS = {"/pricing", "/product/scoring", "/careers", "/", "/blog/x"};
  static final String[] FORMS = {"demo", "newsletter", "contact"};

  static Record randomLead(Random r, int i) {
    Object employees = r.nextInt(10) == 0 ? "n/a" : (Object) Long.valueOf(r.nextInt(20_000));
    return rec(
        "id", "L-" + i,
        "email", r.nextInt(8) == 0 ? "x" + i + "@gmail.com" : "p" + i + "@acme" + r.nextInt(50) + ".com",
        "title", TITLES[r.nextInt(TITLES.length)],
        "country", COUNTRIES[r.nextInt(COUNTRIES.length)],
        "employees", employees,
        "industry", INDUSTRIES[r.nextInt(INDUSTRIES.length)],
        "tags", r.nextInt(6) == 0 ? "abm;webinar" : r.nextInt(20) == 0 ? "competitor" : "");
  }

  static List<Record> randomEvents(Random r, int n, Instant asOf) {
    List<Record> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      String type = TYPES[r.nextInt(TYPES.length)];
      Instant at = asOf.minus(Duration.ofSeconds(1 + (long) r.nextInt(150 * 86_400)));
      out.add(event(type, at, "url", URLS[r.nextInt(URLS.length)], "form", FORMS[r.nextInt(FORMS.length)]));
    }
    return out;
  }
}

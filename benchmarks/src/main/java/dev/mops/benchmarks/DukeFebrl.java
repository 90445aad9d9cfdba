package dev.mops.benchmarks;

import dev.mops.core.record.Record;
import dev.mops.identity.dedupe.RecordRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.priv.garshol.duke.ConfigLoader;
import no.priv.garshol.duke.Configuration;
import no.priv.garshol.duke.Database;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.RecordImpl;
import no.priv.garshol.duke.databases.LuceneDatabase;
import no.priv.garshol.duke.matchers.AbstractMatchListener;
import org.jspecify.annotations.Nullable;

/**
 * Runs the peer engine Duke 1.2 (Lucene candidate search) on a FEBRL file and returns its
 * clusters, so that its accuracy and time can be reported beside mops's.
 *
 * <p>Thread safety: stateless; each run builds its own Duke processor.
 */
public final class DukeFebrl {

  static final String[] COLUMNS = {
    "given_name", "surname", "street_number", "address_1", "address_2", "suburb", "postcode", "state",
    "date_of_birth", "soc_sec_id"
  };

  /** The two Duke configs compared with mops: as written for the comparison, and tuned by hand. */
  public enum Config {
    /** {@code duke-febrl.xml}: plausible comparators and probabilities, Duke's default candidate search. */
    UNTUNED("duke-febrl.xml"),
    /** {@code duke-febrl-tuned.xml}: comparators, probabilities and candidate search tuned on FEBRL. */
    TUNED("duke-febrl-tuned.xml");

    private final String resource;

    Config(String resource) {
      this.resource = resource;
    }

    /** Returns the config's resource name, next to this class. */
    public String resource() {
      return resource;
    }
  }

  private DukeFebrl() {}

  /** Converts FEBRL records to Duke records (lower-cased, trimmed, empty values left out). */
  public static List<no.priv.garshol.duke.Record> toDuke(List<Record> records) {
    List<no.priv.garshol.duke.Record> out = new ArrayList<>(records.size());
    for (Record r : records) {
      RecordImpl d = new RecordImpl();
      d.addValue("ID", String.valueOf(r.get("rec_id")).strip());
      for (String c : COLUMNS) {
        Object v = r.get(c);
        if (v != null && !v.toString().isBlank()) {
          d.addValue(c.toUpperCase(Locale.ROOT), v.toString().strip().toLowerCase(Locale.ROOT));
        }
      }
      out.add(d);
    }
    return out;
  }

  /**
   * Deduplicates with Duke and returns each record's cluster (transitive closure of Duke's matches).
   * The whole Duke run is here: loading the config, indexing in Lucene, candidate search, scoring.
   *
   * @param config which Duke config to use
   * @param maxSearchHits Lucene candidates per record, or null for the config's own setting (Duke's
   *     default when the config has none)
   */
  public static Map<RecordRef, String> dedupe(List<no.priv.garshol.duke.Record> records, Config config,
      @Nullable Integer maxSearchHits) {
    try {
      Configuration duke = load(config);
      Database db = duke.getDatabase(true);
      if (maxSearchHits != null && db instanceof LuceneDatabase lucene) {
        lucene.setMaxSearchHits(maxSearchHits);
      }
      Processor processor = new Processor(duke, db);
      Map<String, String> parent = new HashMap<>();
      processor.addMatchListener(new AbstractMatchListener() {
        @Override
        public void matches(no.priv.garshol.duke.Record a, no.priv.garshol.duke.Record b, double confidence) {
          union(parent, a.getValue("ID"), b.getValue("ID"));
        }
      });
      processor.deduplicate(records);
      processor.close();
      Map<RecordRef, String> clusters = new HashMap<>();
      for (no.priv.garshol.duke.Record r : records) {
        String id = r.getValue("ID");
        clusters.put(RecordRef.of(id), find(parent, id));
      }
      return clusters;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (org.xml.sax.SAXException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Loads one of the two configs (Duke's loader reads files, so the resource goes through a temporary file). */
  static Configuration load(Config config) throws IOException, org.xml.sax.SAXException {
    Path xml = Files.createTempFile("duke-febrl", ".xml");
    try {
      try (InputStream in = DukeFebrl.class.getResourceAsStream(config.resource())) {
        Files.copy(java.util.Objects.requireNonNull(in, config.resource()), xml, StandardCopyOption.REPLACE_EXISTING);
      }
      return ConfigLoader.load(xml.toString());
    } finally {
      Files.deleteIfExists(xml);
    }
  }

  static String find(Map<String, String> parent, String x) {
    String p = parent.getOrDefault(x, x);
    while (!p.equals(x)) {
      String g = parent.getOrDefault(p, p);
      parent.put(x, g);
      x = p;
      p = g;
    }
    return x;
  }

  static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }

  static Collection<String> columns() {
    return List.of(COLUMNS);
  }
}

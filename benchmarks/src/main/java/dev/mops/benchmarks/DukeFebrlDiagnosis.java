package dev.mops.benchmarks;

import dev.mops.core.record.Record;
import dev.mops.identity.dedupe.PairwiseScore;
import dev.mops.identity.dedupe.RecordRef;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.priv.garshol.duke.ConfigLoader;
import no.priv.garshol.duke.Configuration;
import no.priv.garshol.duke.Database;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Property;
import no.priv.garshol.duke.matchers.AbstractMatchListener;

/**
 * A diagnostic program that runs Duke 1.2 on the FEBRL files and says where it loses accuracy:
 * pairwise precision, recall and F1, Duke's comparison count and lookup properties, and every
 * true pair it did not link split into <em>never compared</em> (Lucene's candidate search did not
 * return it) and <em>scored below the threshold</em>, plus the false links. This is how the tuned
 * config was tuned. Usage, from the repository root: {@code java -cp
 * benchmarks/target/benchmarks.jar dev.mops.benchmarks.DukeFebrlDiagnosis CONFIG [examples]}, where
 * CONFIG is {@code UNTUNED}, {@code TUNED} or the path of a Duke XML config, and {@code examples}
 * (default 5) is how many missed pairs and false links to print per file. Times are not measured
 * here; see {@link DedupePeerReport}.
 *
 * <p>Thread safety: a program; not for concurrent use.
 */
public final class DukeFebrlDiagnosis {

  private DukeFebrlDiagnosis() {}

  /** Runs the diagnosis. */
  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: DukeFebrlDiagnosis UNTUNED|TUNED|config.xml [examples]");
      System.exit(2);
    }
    int examples = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    PrintStream out = System.out;
    for (String file : List.of("febrl1.csv", "febrl2.csv")) {
      diagnose(out, file, args[0], examples);
    }
  }

  private static Configuration load(String config) throws IOException, org.xml.sax.SAXException {
    for (DukeFebrl.Config c : DukeFebrl.Config.values()) {
      if (c.name().equals(config)) {
        return DukeFebrl.load(c);
      }
    }
    return ConfigLoader.load(config);
  }

  private static void diagnose(PrintStream out, String file, String configName, int examples) {
    List<Record> records = BenchmarkData.dataCsv(file);
    Map<RecordRef, String> truth = BenchmarkData.febrlTruth(records);
    List<no.priv.garshol.duke.Record> duke = DukeFebrl.toDuke(records);
    Configuration config;
    Processor processor;
    try {
      config = load(configName);
      processor = new Processor(config, config.getDatabase(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (org.xml.sax.SAXException e) {
      throw new IllegalArgumentException("cannot read Duke config " + configName, e);
    }
    Map<String, String> parent = new HashMap<>();
    Set<String> linked = new HashSet<>();
    List<String> falseLinks = new ArrayList<>();
    Map<String, no.priv.garshol.duke.Record> byId = new HashMap<>();
    for (no.priv.garshol.duke.Record r : duke) {
      byId.put(r.getValue("ID"), r);
    }
    processor.addMatchListener(new AbstractMatchListener() {
      @Override
      public void matches(no.priv.garshol.duke.Record a, no.priv.garshol.duke.Record b, double confidence) {
        String x = a.getValue("ID");
        String y = b.getValue("ID");
        DukeFebrl.union(parent, x, y);
        if (linked.add(pairKey(x, y)) && !entity(x).equals(entity(y))) {
          falseLinks.add(String.format(Locale.ROOT, "  false link, %.4f%n    %s%n    %s", confidence, show(a), show(b)));
        }
      }
    });
    processor.deduplicate(duke);
    Map<RecordRef, String> clusters = new HashMap<>();
    for (no.priv.garshol.duke.Record r : duke) {
      String id = r.getValue("ID");
      clusters.put(RecordRef.of(id), DukeFebrl.find(parent, id));
    }
    PairwiseScore score = PairwiseScore.of(clusters, truth, false);
    StringBuilder lookups = new StringBuilder();
    for (Property p : config.getLookupProperties()) {
      lookups.append(' ').append(p.getName().toLowerCase(Locale.ROOT));
    }
    out.printf(Locale.ROOT, "%s  precision %.4f  recall %.4f  F1 %.4f  comparisons %d  lookup:%s%n", file,
        score.precision(), score.recall(), score.f1(), processor.getComparisonCount(), lookups);

    Map<String, List<String>> entities = new TreeMap<>();
    for (String id : byId.keySet()) {
      entities.computeIfAbsent(entity(id), k -> new ArrayList<>()).add(id);
    }
    Database db = processor.getDatabase();
    int neverCompared = 0;
    int belowThreshold = 0;
    int transitive = 0;
    List<String> misses = new ArrayList<>();
    for (List<String> ids : entities.values()) {
      ids.sort(null);
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          String x = ids.get(i);
          String y = ids.get(j);
          if (linked.contains(pairKey(x, y))) {
            continue;
          }
          if (DukeFebrl.find(parent, x).equals(DukeFebrl.find(parent, y))) {
            transitive++;
            continue;
          }
          no.priv.garshol.duke.Record a = byId.get(x);
          no.priv.garshol.duke.Record b = byId.get(y);
          boolean candidate = returns(db.findCandidateMatches(a), y) || returns(db.findCandidateMatches(b), x);
          if (candidate) {
            belowThreshold++;
          } else {
            neverCompared++;
          }
          misses.add(String.format(Locale.ROOT, "  %s, would score %.4f%n    %s%n    %s",
              candidate ? "scored below the threshold" : "never compared", processor.compare(a, b), show(a), show(b)));
        }
      }
    }
    out.printf(Locale.ROOT, "  true pairs not linked: %d never compared, %d scored below the threshold"
        + " (%d more linked through other records); false links: %d%n", neverCompared, belowThreshold, transitive,
        falseLinks.size());
    misses.stream().limit(examples).forEach(out::println);
    falseLinks.stream().limit(examples).forEach(out::println);
    processor.close();
  }

  private static boolean returns(Collection<no.priv.garshol.duke.Record> candidates, String id) {
    for (no.priv.garshol.duke.Record r : candidates) {
      if (id.equals(r.getValue("ID"))) {
        return true;
      }
    }
    return false;
  }

  private static String show(no.priv.garshol.duke.Record r) {
    StringBuilder b = new StringBuilder(r.getValue("ID"));
    for (String c : DukeFebrl.COLUMNS) {
      String v = r.getValue(c.toUpperCase(Locale.ROOT));
      b.append(" | ").append(v == null ? "" : v);
    }
    return b.toString();
  }

  private static String entity(String id) {
    return id.split("-", 0)[1];
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }
}

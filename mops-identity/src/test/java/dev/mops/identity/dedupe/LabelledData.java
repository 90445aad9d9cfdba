package dev.mops.identity.dedupe;

import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds and reads the labelled data sets in the repository's {@code data} folder. */
final class LabelledData {
  private LabelledData() {}

  static Path dir() {
    Path d = repoRoot().resolve("data");
    if (!Files.isDirectory(d)) {
      throw new IllegalStateException("no data folder in the repository at " + repoRoot());
    }
    return d;
  }

  static Path repoRoot() {
    Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (d != null) {
      if (Files.isDirectory(d.resolve("examples").resolve("dedupe"))) {
        return d;
      }
      d = d.getParent();
    }
    throw new IllegalStateException("no examples/dedupe above " + System.getProperty("user.dir"));
  }

  /** Reads a CSV file (quotes supported), trimming every field; empty fields become absent. */
  static List<Record> csv(String name) {
    try {
      List<String> lines = Files.readAllLines(dir().resolve(name), StandardCharsets.UTF_8);
      List<String> header = split(lines.get(0));
      List<Record> out = new ArrayList<>();
      for (int i = 1; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) {
          continue;
        }
        List<String> cells = split(lines.get(i));
        Map<String, Object> m = new LinkedHashMap<>();
        for (int c = 0; c < header.size() && c < cells.size(); c++) {
          if (!cells.get(c).isEmpty()) {
            m.put(header.get(c), cells.get(c));
          }
        }
        out.add(Records.of(m));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> columns(String name) {
    try (var r = Files.newBufferedReader(dir().resolve(name), StandardCharsets.UTF_8)) {
      return split(r.readLine());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString().strip());
    return out;
  }

  /** Truth of a FEBRL file: {@code rec-N-...} records share entity N. */
  static Map<RecordRef, String> febrlTruth(List<Record> records) {
    Map<RecordRef, String> t = new HashMap<>();
    for (Record r : records) {
      String id = (String) r.get("rec_id");
      t.put(RecordRef.of(id), id.split("-")[1]);
    }
    return t;
  }

  static Map<RecordRef, String> columnTruth(List<Record> records, String idColumn, String truthColumn) {
    Map<RecordRef, String> t = new HashMap<>();
    for (Record r : records) {
      t.put(RecordRef.of((String) r.get(idColumn)), (String) r.get(truthColumn));
    }
    return t;
  }
}

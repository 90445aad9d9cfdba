package dev.mops.flow.enrich;

import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The default {@link EnrichmentProvider}: firmographics from a file (CSV, JSON Lines or Excel, as
 * {@link RecordReader} reads them), one company per row, keyed by a {@code domain} column and,
 * when the file has one, an {@code email} column; every other column is a field returned.
 *
 * <p>Domains match after lower-casing and dropping a leading {@code www.}; emails after
 * lower-casing. A lookup by email finds the row of that address, else the row of its domain. When
 * two rows have the same key, the first wins and {@link #duplicateKeys()} counts the others.
 * Empty values are not returned. At most {@value #MAX_ROWS} rows.
 *
 * <p>Thread safety: immutable after loading; safe to share.
 */
public final class CsvEnrichmentProvider implements EnrichmentProvider {

  /** Most rows a file may have. */
  public static final int MAX_ROWS = 5_000_000;

  private final String name;
  private final Map<String, Map<String, String>> byDomain;
  private final Map<String, Map<String, String>> byEmail;
  private final List<String> fields;
  private final long duplicateKeys;

  private CsvEnrichmentProvider(String name, Map<String, Map<String, String>> byDomain,
      Map<String, Map<String, String>> byEmail, List<String> fields, long duplicateKeys) {
    this.name = name;
    this.byDomain = byDomain;
    this.byEmail = byEmail;
    this.fields = fields;
    this.duplicateKeys = duplicateKeys;
  }

  /**
   * Loads a file.
   *
   * @throws UncheckedIOException when it cannot be read
   * @throws IllegalArgumentException when it has neither a {@code domain} nor an {@code email}
   *     column, or more than {@value #MAX_ROWS} rows
   */
  public static CsvEnrichmentProvider load(Path file) {
    Objects.requireNonNull(file, "file");
    List<Record> rows = new ArrayList<>();
    try (RecordReader in = RecordReader.open(file)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        if (rows.size() >= MAX_ROWS) {
          throw new IllegalArgumentException(file + ": more than " + MAX_ROWS + " rows of firmographics");
        }
        rows.add(r.record());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return of("csv:" + file.getFileName(), rows);
  }

  /**
   * Returns a provider over rows already read (each with a {@code domain} and/or {@code email}
   * field).
   *
   * @throws IllegalArgumentException when a row has neither key field, or rows are more than {@value #MAX_ROWS}
   */
  public static CsvEnrichmentProvider of(String name, List<? extends Record> rows) {
    Objects.requireNonNull(name, "name");
    if (rows.size() > MAX_ROWS) {
      throw new IllegalArgumentException(name + ": more than " + MAX_ROWS + " rows of firmographics");
    }
    Map<String, Map<String, String>> byDomain = new HashMap<>();
    Map<String, Map<String, String>> byEmail = new HashMap<>();
    List<String> fields = new ArrayList<>();
    long duplicates = 0;
    int n = 0;
    for (Record r : rows) {
      n++;
      if (!r.has("domain") && !r.has("email")) {
        throw new IllegalArgumentException(name + ": row " + n + " has neither a 'domain' nor an 'email' column");
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (String f : r.fieldNames()) {
        if (f.equals("domain") || f.equals("email")) {
          continue;
        }
        String field = f.trim().toLowerCase(Locale.ROOT);
        if (!fields.contains(field)) {
          fields.add(field);
        }
        Object v = r.get(f);
        if (v != null && !v.toString().isBlank()) {
          values.put(field, v.toString().trim());
        }
      }
      Map<String, String> frozen = Collections.unmodifiableMap(values);
      String domain = domainKey(r.get("domain"));
      if (domain != null && byDomain.putIfAbsent(domain, frozen) != null) {
        duplicates++;
      }
      Object email = r.get("email");
      if (email != null && !email.toString().isBlank()
          && byEmail.putIfAbsent(email.toString().trim().toLowerCase(Locale.ROOT), frozen) != null) {
        duplicates++;
      }
    }
    return new CsvEnrichmentProvider(name, byDomain, byEmail, List.copyOf(fields), duplicates);
  }

  private static @org.jspecify.annotations.Nullable String domainKey(@org.jspecify.annotations.Nullable Object raw) {
    if (raw == null) {
      return null;
    }
    String d = raw.toString().trim().toLowerCase(Locale.ROOT);
    if (d.startsWith("www.")) {
      d = d.substring(4);
    }
    return d.isEmpty() ? null : d;
  }

  @Override
  public String name() {
    return name;
  }

  /** Returns the fields (columns other than the keys) the file provides, in the order first seen. */
  public List<String> fields() {
    return fields;
  }

  /** Returns how many companies the file has by domain. */
  public int domains() {
    return byDomain.size();
  }

  /** Returns how many rows repeated a key already seen (the first row wins). */
  public long duplicateKeys() {
    return duplicateKeys;
  }

  @Override
  public Map<String, String> lookup(EnrichmentKey key) {
    if (key.kind() == EnrichmentKey.Kind.EMAIL) {
      Map<String, String> hit = byEmail.get(key.value());
      if (hit != null) {
        return hit;
      }
      int at = key.value().lastIndexOf('@');
      String domain = at < 0 ? null : domainKey(key.value().substring(at + 1));
      return domain == null ? Map.of() : byDomain.getOrDefault(domain, Map.of());
    }
    String domain = domainKey(key.value());
    return domain == null ? Map.of() : byDomain.getOrDefault(domain, Map.of());
  }

  @Override
  public String toString() {
    return "CsvEnrichmentProvider[" + name + ", " + byDomain.size() + " domains, " + byEmail.size() + " emails]";
  }
}

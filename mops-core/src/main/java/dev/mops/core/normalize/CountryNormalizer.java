package dev.mops.core.normalize;

import dev.mops.core.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A normalizer of country names, aliases and codes to ISO 3166-1 alpha-2, and of US states and
 * Canadian provinces to ISO 3166-2.
 *
 * <p>It recognizes alpha-2 and alpha-3 codes, the short names in English, German, French, Spanish,
 * Italian, Portuguese and Dutch, and common aliases ({@code USA}, {@code U.S.},
 * {@code United States of America}, {@code UK}, {@code Great Britain}, {@code Holland},
 * {@code Deutschland}), ignoring case, accents, punctuation and a leading "the". A value it does not
 * know is reported as {@code COUNTRY_UNKNOWN} and never guessed.
 *
 * <pre>{@code
 * CountryNormalizer countries = CountryNormalizer.builder().build();
 * countries.normalize("U.S.A.").code();             // "US"
 * countries.normalize("Deutschland").code();        // "DE"
 * countries.normalizeRegion("Calif.", "US").code(); // "US-CA"
 * countries.normalizeRegion("Québec", null).code(); // "CA-QC"
 * }</pre>
 *
 * <p>Thread safety: immutable and thread-safe.
 */
public final class CountryNormalizer {

  /** Longest value looked up; longer values are unknown. */
  public static final int MAX_INPUT_LENGTH = 200;

  /** Marks a name that stands for several countries. */
  private static final String AMBIGUOUS = "?";

  private final String field;
  private final String regionField;
  private final Map<String, String> countries;
  private final Map<String, Map<String, String>> regionsByCountry;

  private CountryNormalizer(Builder b) {
    this.field = b.field;
    this.regionField = b.regionField;
    if (b.extraAliases.isEmpty()) {
      this.countries = Defaults.COUNTRIES;
    } else {
      Map<String, String> all = new HashMap<>(Defaults.COUNTRIES);
      all.putAll(b.extraAliases);
      this.countries = Map.copyOf(all);
    }
    this.regionsByCountry = Defaults.REGIONS;
  }

  /** Returns a new builder with the bundled tables and fields {@code country} and {@code state}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the ISO 3166-1 alpha-2 codes this normalizer knows, sorted. */
  public Set<String> knownCodes() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(Defaults.CODES));
  }

  /** Normalizes a country name, alias or code. Never throws on bad data. */
  public NormalizedCountry normalize(@Nullable CharSequence raw) {
    if (raw == null) {
      return new NormalizedCountry("", null, List.of());
    }
    String original = raw.toString();
    if (original.isBlank()) {
      return new NormalizedCountry(original, null, List.of());
    }
    String code = original.length() <= MAX_INPUT_LENGTH ? countries.get(key(original)) : null;
    if (AMBIGUOUS.equals(code)) {
      return new NormalizedCountry(original, null, List.of(Finding.warning("COUNTRY_AMBIGUOUS",
          field, original, "names more than one country; not guessed")));
    }
    if (code == null) {
      return new NormalizedCountry(original, null, List.of(Finding.warning("COUNTRY_UNKNOWN",
          field, original, "not a country name, alias or ISO 3166-1 code this normalizer knows")));
    }
    return new NormalizedCountry(original, code, List.of());
  }

  /**
   * Normalizes a US state or Canadian province (name, postal abbreviation or ISO 3166-2 code) to
   * its ISO 3166-2 code. {@code countryCode} is the record's country as an alpha-2 code (or any
   * value {@link #normalize} understands); when it is {@code null} or blank the country is
   * inferred, since no US and Canadian value collide, and reported as
   * {@code REGION_COUNTRY_INFERRED}. Never throws on bad data.
   */
  public NormalizedRegion normalizeRegion(
      @Nullable CharSequence raw, @Nullable CharSequence countryCode) {
    String original = raw == null ? "" : raw.toString();
    String country = null;
    if (countryCode != null && !countryCode.toString().isBlank()) {
      country = countries.get(key(countryCode.toString()));
      if (AMBIGUOUS.equals(country)) {
        country = null;
      }
    }
    if (original.isBlank()) {
      return new NormalizedRegion(original, country, null, List.of());
    }
    List<Finding> findings = new ArrayList<>(1);
    if (countryCode != null && !countryCode.toString().isBlank() && country == null) {
      findings.add(Finding.warning("COUNTRY_UNKNOWN", field, countryCode.toString(),
          "the record's country is not one this normalizer knows"));
    }
    String k = original.length() <= MAX_INPUT_LENGTH ? key(original) : "";
    if (country != null) {
      Map<String, String> regions = regionsByCountry.get(country);
      if (regions == null) {
        findings.add(Finding.info("REGION_UNSUPPORTED_COUNTRY", regionField, original,
            "regions are known for US and CA only, not " + country));
        return new NormalizedRegion(original, country, null, findings);
      }
      String code = regions.get(k);
      if (code != null) {
        return new NormalizedRegion(original, country, code, findings);
      }
      for (Map.Entry<String, Map<String, String>> e : regionsByCountry.entrySet()) {
        String other = e.getValue().get(k);
        if (other != null) {
          findings.add(Finding.warning("REGION_COUNTRY_MISMATCH", regionField, original,
              "'" + original + "' is " + other + ", not in the record's country " + country));
          return new NormalizedRegion(original, country, null, findings);
        }
      }
      findings.add(Finding.warning("REGION_UNKNOWN", regionField, original,
          "not a region of " + country + " this normalizer knows"));
      return new NormalizedRegion(original, country, null, findings);
    }
    for (Map.Entry<String, Map<String, String>> e : regionsByCountry.entrySet()) {
      String code = e.getValue().get(k);
      if (code != null) {
        findings.add(Finding.info("REGION_COUNTRY_INFERRED", regionField, original,
            "the country " + e.getKey() + " was inferred from the region"));
        return new NormalizedRegion(original, e.getKey(), code, findings);
      }
    }
    findings.add(Finding.warning("REGION_UNKNOWN", regionField, original,
        "not a US state or Canadian province this normalizer knows"));
    return new NormalizedRegion(original, null, null, findings);
  }

  /** Lookup key: folded, punctuation removed, a leading "the" dropped. */
  static String key(String value) {
    List<String> tokens = TextFolding.tokens(value);
    int from = tokens.size() > 1 && tokens.get(0).equals("the") ? 1 : 0;
    return tokens.isEmpty() ? "" : TextFolding.join(tokens, from, tokens.size());
  }

  static Map<String, String> loadAliases(DataFile file, Set<String> codes) {
    Map<String, String> out = new HashMap<>();
    for (DataFile.Line line : file.lines()) {
      int bar = line.text().lastIndexOf('|');
      if (bar <= 0) {
        throw line.error("expected 'alias | CODE', found '" + line.text() + "'");
      }
      String code = line.text().substring(bar + 1).strip().toUpperCase(Locale.ROOT);
      if (!codes.contains(code) && !code.equals(AMBIGUOUS)) {
        throw line.error("'" + code + "' is not an ISO 3166-1 alpha-2 code");
      }
      String k = key(line.text().substring(0, bar));
      if (k.isEmpty()) {
        throw line.error("empty alias");
      }
      out.put(k, code);
    }
    return out;
  }

  @Override
  public String toString() {
    return "CountryNormalizer{field=" + field + ", entries=" + countries.size() + "}";
  }

  /** The bundled tables, loaded once. */
  private static final class Defaults {
    static final Set<String> CODES;
    static final Map<String, String> COUNTRIES;
    static final Map<String, Map<String, String>> REGIONS;

    static {
      Map<String, String> names = new HashMap<>();
      Map<String, String> alpha3 = new HashMap<>();
      Map<String, String> alpha2 = new HashMap<>();
      Set<String> codes = new TreeSet<>();
      for (DataFile.Line line : DataFile.resource("countries.txt").lines()) {
        String[] parts = line.text().split("\\|", 0);
        if (parts.length < 2 || parts[0].length() != 2) {
          throw line.error("expected CODE|AL3|name|..., found '" + line.text() + "'");
        }
        String code = parts[0];
        codes.add(code);
        alpha2.put(code.toLowerCase(Locale.ROOT), code);
        if (!parts[1].isEmpty()) {
          alpha3.put(parts[1].toLowerCase(Locale.ROOT), code);
        }
        for (int i = 2; i < parts.length; i++) {
          names.put(key(parts[i]), code);
        }
      }
      codes.add("XK"); // Kosovo: user-assigned, widely used; not in every JDK's list
      alpha2.putIfAbsent("xk", "XK");
      Map<String, String> all = new HashMap<>(names);
      all.putAll(alpha3);
      all.putAll(alpha2);
      all.putAll(loadAliases(DataFile.resource("country-aliases.txt"), codes));
      CODES = Set.copyOf(codes);
      COUNTRIES = Map.copyOf(all);
      REGIONS = Map.of(
          "US", loadRegions(DataFile.resource("us-states.txt"), "US"),
          "CA", loadRegions(DataFile.resource("ca-provinces.txt"), "CA"));
    }

    private static Map<String, String> loadRegions(DataFile file, String country) {
      Map<String, String> out = new HashMap<>();
      for (DataFile.Line line : file.lines()) {
        String[] parts = line.text().split("\\|", 0);
        if (parts.length < 2 || !parts[0].startsWith(country + "-")) {
          throw line.error("expected " + country + "-XX|XX|name|..., found '" + line.text() + "'");
        }
        out.put(key(parts[0]), parts[0]);
        for (int i = 1; i < parts.length; i++) {
          out.put(key(parts[i]), parts[0]);
        }
      }
      return Map.copyOf(out);
    }
  }

  /**
   * A builder of {@link CountryNormalizer}s. Each option can be set once.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String field = "country";
    private String regionField = "state";
    private boolean fieldsSet;
    private Map<String, String> extraAliases = Map.of();
    private boolean aliasesSet;

    private Builder() {}

    /** Sets the field names written in findings (defaults {@code country} and {@code state}). */
    public Builder fields(String countryField, String regionField) {
      Checks.checkNotSet(fieldsSet, "fields");
      this.field = Checks.checkFieldName(countryField);
      this.regionField = Checks.checkFieldName(regionField);
      fieldsSet = true;
      return this;
    }

    /**
     * Adds aliases from {@code file} (lines {@code alias | CODE}, or {@code alias | ?} to report a
     * name as ambiguous); they win over the bundled names and aliases.
     *
     * @throws dev.mops.core.config.ConfigException naming the line when one is malformed or names
     *     an unknown code
     */
    public Builder aliases(Path file) {
      Checks.checkNotSet(aliasesSet, "aliases");
      extraAliases = loadAliases(DataFile.file(file), Defaults.CODES);
      aliasesSet = true;
      return this;
    }

    /** Adds aliases, alias to ISO 3166-1 alpha-2 code; they win over the bundled ones. */
    public Builder aliases(Map<String, String> aliasToCode) {
      Checks.checkNotSet(aliasesSet, "aliases");
      List<String> lines = new ArrayList<>();
      aliasToCode.forEach((alias, code) -> lines.add(alias + " | " + code));
      extraAliases = loadAliases(DataFile.entries("aliases", lines), Defaults.CODES);
      aliasesSet = true;
      return this;
    }

    /** Returns a new normalizer with these options. */
    public CountryNormalizer build() {
      return new CountryNormalizer(this);
    }
  }
}

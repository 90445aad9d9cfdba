package dev.mops.taxonomy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Google's GA4 source-category list (SEARCH, SOCIAL, SHOPPING, VIDEO), matched case-insensitively. */
final class SourceCategories {

  static final String RESOURCE = "ga4-source-categories.csv";
  private static final Map<String, String> CATEGORIES = load();

  private SourceCategories() {}

  /** Returns SEARCH, SOCIAL, SHOPPING or VIDEO for a listed source, else {@code null}. */
  static @Nullable String of(@Nullable String source) {
    if (source == null || source.isEmpty()) {
      return null;
    }
    String c = CATEGORIES.get(source);
    return c != null ? c : CATEGORIES.get(source.toLowerCase(Locale.ROOT));
  }

  static int size() {
    return CATEGORIES.size();
  }

  private static Map<String, String> load() {
    Map<String, String> out = new HashMap<>(2048);
    try (InputStream in = SourceCategories.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the mops-taxonomy jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line = r.readLine(); // header
      while ((line = r.readLine()) != null) {
        int comma = line.lastIndexOf(',');
        if (comma <= 0) {
          continue;
        }
        String category = line.substring(comma + 1).trim().replace("SOURCE_CATEGORY_", "");
        out.put(line.substring(0, comma).trim().toLowerCase(Locale.ROOT), category.intern());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return out;
  }
}

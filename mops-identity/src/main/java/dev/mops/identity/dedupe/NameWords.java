package dev.mops.identity.dedupe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The word counts of a run's {@link ComparatorType#ORG_NAME} fields: per field, how many records
 * have a name and how many of them hold each word, from which {@link OrgNames} weighs the words of
 * a name by their rarity. A {@link MatchIndex} built from a batch run or a {@link SavedModel}
 * weighs the words of its records and queries with these counts, as the batch run did.
 *
 * <p>Thread safety: immutable after construction, safe to share.
 */
final class NameWords {

  /** Field names, in config order (every compared field, org_name or not). */
  final List<String> fields;
  /** Per field, the number of records with a name (0 for other fields). */
  final int[] names;
  /** Per field, word to the number of names holding it (empty for other fields). */
  final List<Map<String, Integer>> counts;

  NameWords(List<String> fields, int[] names, List<Map<String, Integer>> counts) {
    if (fields.size() != names.length || fields.size() != counts.size()) {
      throw new IllegalArgumentException("word counts of " + fields.size() + " fields given for " + names.length
          + " and " + counts.size());
    }
    this.fields = List.copyOf(fields);
    this.names = names.clone();
    List<Map<String, Integer>> c = new ArrayList<>();
    for (Map<String, Integer> m : counts) {
      c.add(Collections.unmodifiableMap(new HashMap<>(m)));
    }
    this.counts = List.copyOf(c);
  }

  /** Counts the words of every org_name field over prepared records; null when there is none. */
  static @org.jspecify.annotations.Nullable NameWords count(FieldComparer comparer, PreparedRecord[] recs) {
    int fields = comparer.fieldCount();
    boolean any = false;
    int[] names = new int[fields];
    List<Map<String, Integer>> counts = new ArrayList<>();
    List<String> fieldNames = new ArrayList<>();
    for (int f = 0; f < fields; f++) {
      fieldNames.add(comparer.rules[f].field());
      Map<String, Integer> df = new HashMap<>();
      counts.add(df);
      if (comparer.rules[f].comparator() != ComparatorType.ORG_NAME) {
        continue;
      }
      any = true;
      for (PreparedRecord r : recs) {
        String[] words = r.tokens[f];
        if (words == null) {
          continue;
        }
        names[f]++;
        for (String w : words) {
          df.merge(w, 1, Integer::sum);
        }
      }
    }
    return any ? new NameWords(fieldNames, names, counts) : null;
  }

  /** Sets the word weights of a prepared record's org_name fields; a word never counted weighs as held by one name. */
  void weigh(PreparedRecord r) {
    for (int f = 0; f < names.length; f++) {
      String[] words = r.tokens[f];
      if (words == null || names[f] == 0) {
        continue;
      }
      Map<String, Integer> df = counts.get(f);
      double[] weight = new double[words.length];
      for (int i = 0; i < words.length; i++) {
        Integer c = df.get(words[i]);
        weight[i] = OrgNames.idf(names[f], c == null ? 1 : c);
      }
      r.tokenWeights[f] = weight;
    }
  }

  /** Checks that these counts are of the config's fields. */
  void checkFields(DedupeConfig config) {
    List<String> declared = config.fields().stream().map(FieldRule::field).toList();
    if (!fields.equals(declared)) {
      throw new IllegalArgumentException("organisation word counts of fields " + fields + " do not fit the config's "
          + declared);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NameWords w && fields.equals(w.fields) && java.util.Arrays.equals(names, w.names)
        && counts.equals(w.counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fields, java.util.Arrays.hashCode(names), counts);
  }
}

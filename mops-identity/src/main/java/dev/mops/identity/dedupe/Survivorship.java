package dev.mops.identity.dedupe;

import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds golden records from clusters with per-field {@link SurvivorshipRule}s; fields without a
 * rule keep their most frequent value.
 *
 * <p>Thread safety: immutable; safe to share.
 */
final class Survivorship {

  private final Map<String, SurvivorshipRule> rules = new HashMap<>();

  Survivorship(List<SurvivorshipRule> rules) {
    for (SurvivorshipRule r : rules) {
      this.rules.put(r.field(), r);
    }
  }

  /** A member record of a cluster. */
  record Member(RecordRef ref, Record record) {}

  GoldenRecord build(String clusterId, List<Member> members) {
    Set<String> fields = new LinkedHashSet<>();
    for (Member m : members) {
      fields.addAll(m.record().fieldNames());
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, RecordRef> sourceOf = new LinkedHashMap<>();
    for (String field : fields) {
      SurvivorshipRule rule = rules.get(field);
      Member chosen = choose(field, rule, members);
      if (chosen != null) {
        values.put(field, text(chosen.record(), field));
        sourceOf.put(field, chosen.ref());
      }
    }
    List<RecordRef> lineage = new ArrayList<>();
    for (Member m : members) {
      lineage.add(m.ref());
    }
    lineage.sort(null);
    return new GoldenRecord(clusterId, values, lineage, sourceOf);
  }

  private static @Nullable String text(Record r, String field) {
    String s = Values.asString(r.get(field));
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static @Nullable Member choose(String field, @Nullable SurvivorshipRule rule, List<Member> members) {
    Map<Member, String> textOf = new IdentityHashMap<>();
    List<Member> withValue = new ArrayList<>();
    for (Member m : members) {
      String t = text(m.record(), field);
      if (t != null) {
        withValue.add(m);
        textOf.put(m, t);
      }
    }
    if (withValue.isEmpty()) {
      return null;
    }
    withValue.sort((a, b) -> a.ref().compareTo(b.ref()));
    Member best = null;
    if (rule == null) {
      return mostFrequent(withValue, textOf);
    }
    switch (rule.strategy()) {
      case MOST_RECENT: {
        String by = Objects.requireNonNull(rule.byField(), "most_recent needs a by field");
        long bestTime = Long.MIN_VALUE;
        for (Member m : withValue) {
          long t = time(m.record().get(by));
          if (best == null || t > bestTime) {
            best = m;
            bestTime = t;
          }
        }
        return best;
      }
      case MOST_COMPLETE: {
        for (Member m : withValue) {
          if (best == null || textOf(textOf, m).length() > textOf(textOf, best).length()) {
            best = m;
          }
        }
        return best;
      }
      case SOURCE_PRIORITY: {
        int bestRank = Integer.MAX_VALUE;
        for (Member m : withValue) {
          int rank = rule.sourcePriority().indexOf(m.ref().source());
          rank = rank < 0 ? Integer.MAX_VALUE - 1 : rank;
          if (best == null || rank < bestRank) {
            best = m;
            bestRank = rank;
          }
        }
        return best;
      }
      case MOST_FREQUENT:
      default:
        return mostFrequent(withValue, textOf);
    }
  }

  private static String textOf(Map<Member, String> textOf, Member m) {
    return Objects.requireNonNull(textOf.get(m));
  }

  private static @Nullable Member mostFrequent(List<Member> withValue, Map<Member, String> textOf) {
    Member best = null;
    Map<String, Integer> counts = new HashMap<>();
    for (Member m : withValue) {
      counts.merge(textOf(textOf, m), 1, Integer::sum);
    }
    for (Member m : withValue) {
      String v = textOf(textOf, m);
      if (best == null) {
        best = m;
        continue;
      }
      String bv = textOf(textOf, best);
      int c = counts.getOrDefault(v, 0);
      int bc = counts.getOrDefault(bv, 0);
      if (c > bc || (c == bc && v.length() > bv.length())) {
        best = m;
      }
    }
    return best;
  }

  private static long time(@Nullable Object v) {
    Instant i = Values.asInstant(v);
    if (i != null) {
      return i.toEpochMilli();
    }
    LocalDate d = Values.asDate(v);
    return d == null ? Long.MIN_VALUE : d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}

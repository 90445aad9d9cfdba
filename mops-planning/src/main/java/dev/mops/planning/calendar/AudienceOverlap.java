package dev.mops.planning.calendar;

import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.Condition;
import dev.mops.core.condition.Conditions;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Record;
import dev.mops.core.record.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which audiences share contacts: the relation the calendar uses to decide that two campaigns with
 * different segment names still reach the same people.
 *
 * <p>An audience always overlaps itself. {@link #declared} adds pairs a team knows about ({@code
 * all_customers} and {@code emea_customers}); {@link #fromContacts} measures overlaps by evaluating
 * each audience's mops condition over a list of contacts.
 *
 * <p>Thread safety: implementations must be safe to call from any thread; the ones made here are
 * immutable.
 */
public interface AudienceOverlap {

  /** The most contacts {@link #fromContacts} reads (one bit per contact per audience). */
  int MAX_CONTACTS = 2_000_000;

  /** Returns whether audiences {@code a} and {@code b} may reach the same contact (true when equal). */
  boolean overlaps(String a, String b);

  /** Returns how many contacts {@code a} and {@code b} share, or {@code -1} when unknown. */
  default long sharedContacts(String a, String b) {
    return -1;
  }

  /** Returns the relation in which an audience overlaps only itself. */
  static AudienceOverlap sameNameOnly() {
    return declared(List.of());
  }

  /** Returns the relation of equal names plus the declared pairs (symmetric). */
  static AudienceOverlap declared(List<List<String>> pairs) {
    Map<String, Set<String>> with = new HashMap<>();
    for (List<String> p : pairs) {
      if (p.size() != 2) {
        throw new IllegalArgumentException("expected a pair of audiences, found " + p);
      }
      with.computeIfAbsent(p.get(0), k -> new HashSet<>()).add(p.get(1));
      with.computeIfAbsent(p.get(1), k -> new HashSet<>()).add(p.get(0));
    }
    if (with.isEmpty()) {
      return String::equals;
    }
    return (a, b) -> {
      if (a.equals(b)) {
        return true;
      }
      Set<String> s = with.get(a);
      return s != null && s.contains(b);
    };
  }

  /**
   * Measures overlaps on contacts: each audience is the set of contacts its condition matches at
   * {@code now}; two audiences overlap when they share a contact, or when {@code fallback} says so
   * (for audiences without a condition, or declared pairs).
   *
   * @param audiences audience name to condition
   * @param contacts the contacts (any fields the conditions read)
   * @param now the instant time conditions ({@code within_last}) measure from
   * @param fallback the relation used for any pair with an audience that has no condition
   * @throws IllegalArgumentException when a condition reads a field no contact has, or there are
   *     more than {@link #MAX_CONTACTS} contacts
   */
  static AudienceOverlap fromContacts(
      Map<String, Condition> audiences, Iterable<? extends Record> contacts, Instant now, AudienceOverlap fallback) {
    Objects.requireNonNull(fallback, "fallback");
    Set<String> fields = new LinkedHashSet<>();
    for (Condition c : audiences.values()) {
      fields.addAll(Conditions.fieldsOf(c));
    }
    Schema schema = Schema.of(fields);
    List<String> names = new ArrayList<>();
    List<CompiledCondition> compiled = new ArrayList<>();
    for (Map.Entry<String, Condition> e : audiences.entrySet()) {
      names.add(e.getKey());
      compiled.add(CompiledCondition.compile(e.getValue(), schema));
    }
    BitSet[] members = new BitSet[names.size()];
    for (int i = 0; i < members.length; i++) {
      members[i] = new BitSet();
    }
    int index = 0;
    for (Record contact : contacts) {
      if (index >= MAX_CONTACTS) {
        throw new IllegalArgumentException("more than " + MAX_CONTACTS + " contacts; sample them for the overlap");
      }
      ArrayRow row = schema.row(contact);
      for (int i = 0; i < compiled.size(); i++) {
        if (compiled.get(i).test(row, now)) {
          members[i].set(index);
        }
      }
      index++;
    }
    Map<String, BitSet> byName = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      byName.put(names.get(i), members[i]);
    }
    return new AudienceOverlap() {
      @Override
      public boolean overlaps(String a, String b) {
        BitSet x = byName.get(a);
        BitSet y = byName.get(b);
        if (x == null || y == null) {
          return fallback.overlaps(a, b);
        }
        return a.equals(b) || x.intersects(y) || fallback.overlaps(a, b);
      }

      @Override
      public long sharedContacts(String a, String b) {
        BitSet x = byName.get(a);
        BitSet y = byName.get(b);
        if (x == null || y == null) {
          return -1;
        }
        BitSet both = (BitSet) x.clone();
        both.and(y);
        return both.cardinality();
      }
    };
  }
}

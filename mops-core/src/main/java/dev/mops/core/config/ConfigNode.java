package dev.mops.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A node of a loaded configuration document that knows where it stands: a map, a list or a
 * scalar, each with its {@link ConfigLocation}.
 *
 * <p>Readers walk the tree through the typed accessors ({@link MapNode#string}, {@link
 * MapNode#list}, ...), which throw a {@link ConfigException} naming the position, the path and
 * what was expected whenever the document does not have the shape asked for.
 *
 * <p>Thread safety: nodes are immutable and safe to share.
 */
public sealed interface ConfigNode permits ConfigNode.MapNode, ConfigNode.ListNode, ConfigNode.ScalarNode {

  /** Returns where this node stands. */
  ConfigLocation location();

  /** Returns a word for the kind of node, used in error messages ({@code a map}, {@code a list}, ...). */
  String describe();

  /** Returns a plain Java view of the node: {@code Map}, {@code List} or the scalar value. */
  @Nullable Object toPlain();

  /** Returns this node as a map, or throws a {@link ConfigException} expecting {@code what}. */
  default MapNode asMap(String what) {
    if (this instanceof MapNode mapNode) {
      return mapNode;
    }
    throw new ConfigException(location(), "expected " + what + " (a map), found " + describe());
  }

  /** Returns this node as a list, or throws a {@link ConfigException} expecting {@code what}. */
  default ListNode asList(String what) {
    if (this instanceof ListNode listNode) {
      return listNode;
    }
    throw new ConfigException(location(), "expected " + what + " (a list), found " + describe());
  }

  /** Returns this node as a scalar, or throws a {@link ConfigException} expecting {@code what}. */
  default ScalarNode asScalar(String what) {
    if (this instanceof ScalarNode scalarNode) {
      return scalarNode;
    }
    throw new ConfigException(location(), "expected " + what + ", found " + describe());
  }

  /** Returns the scalar's text, or throws expecting {@code what} when this is not a non-null scalar. */
  default String asText(String what) {
    ScalarNode s = asScalar(what);
    if (s.value() == null) {
      throw new ConfigException(location(), "expected " + what + ", found null");
    }
    return s.text();
  }

  /**
   * Returns a {@link ConfigException} at this node whose problem is {@code problem} (an exception's
   * message may be passed as it is: a null one reads as {@code invalid value}).
   */
  default ConfigException error(@Nullable String problem) {
    return new ConfigException(location(), problem == null ? "invalid value " + describe() : problem);
  }

  /**
   * A map node: string keys, in document order.
   *
   * @param location where the map stands
   * @param entries the entries, in document order (unmodifiable)
   * @param keyLocations where each key stands, for errors about keys
   */
  record MapNode(
      ConfigLocation location, Map<String, ConfigNode> entries, Map<String, ConfigLocation> keyLocations)
      implements ConfigNode {

    /** Copies the maps. */
    public MapNode {
      Objects.requireNonNull(location, "location");
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
    }

    @Override
    public String describe() {
      return "a map";
    }

    @Override
    public Object toPlain() {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      entries.forEach((k, v) -> m.put(k, v.toPlain()));
      return Collections.unmodifiableMap(m);
    }

    /** Returns the keys in document order. */
    public Set<String> keys() {
      return entries.keySet();
    }

    /** Returns whether the map has {@code key}. */
    public boolean has(String key) {
      return entries.containsKey(key);
    }

    /** Returns the node under {@code key}, or {@code null}. */
    public @Nullable ConfigNode get(String key) {
      return entries.get(key);
    }

    /** Returns the node under {@code key}, or throws naming the missing key and {@code what}. */
    public ConfigNode require(String key, String what) {
      ConfigNode n = entries.get(key);
      if (n == null) {
        throw new ConfigException(location, "missing key '" + key + "': expected " + what);
      }
      return n;
    }

    /** Returns the string under {@code key}; throws when missing or not a scalar. */
    public String string(String key) {
      return require(key, "a string").asText("a string");
    }

    /** Returns the string under {@code key}, or {@code fallback} when the key is missing. */
    public String string(String key, String fallback) {
      ConfigNode n = entries.get(key);
      return n == null ? fallback : n.asText("a string");
    }

    /** Returns the string under {@code key}, or {@code null} when the key is missing or null. */
    public @Nullable String optionalString(String key) {
      ConfigNode n = entries.get(key);
      if (n == null || (n instanceof ScalarNode scalarNode && scalarNode.value() == null)) {
        return null;
      }
      return n.asText("a string");
    }

    /** Returns the boolean under {@code key}, or {@code fallback} when missing. */
    public boolean bool(String key, boolean fallback) {
      ConfigNode n = entries.get(key);
      return n == null ? fallback : n.asScalar("true or false").bool();
    }

    /** Returns the whole number under {@code key}; throws when missing or not a whole number. */
    public long integer(String key) {
      return require(key, "a whole number").asScalar("a whole number").integer();
    }

    /** Returns the whole number under {@code key}, or {@code fallback} when missing. */
    public long integer(String key, long fallback) {
      ConfigNode n = entries.get(key);
      return n == null ? fallback : n.asScalar("a whole number").integer();
    }

    /** Returns the number under {@code key}; throws when missing or not a number. */
    public double number(String key) {
      return require(key, "a number").asScalar("a number").number();
    }

    /** Returns the number under {@code key}, or {@code fallback} when missing. */
    public double number(String key, double fallback) {
      ConfigNode n = entries.get(key);
      return n == null ? fallback : n.asScalar("a number").number();
    }

    /** Returns the list under {@code key}; throws when missing or not a list. */
    public ListNode list(String key) {
      return require(key, "a list").asList("a list");
    }

    /** Returns the map under {@code key}; throws when missing or not a map. */
    public MapNode map(String key) {
      return require(key, "a map").asMap("a map");
    }

    /**
     * Throws when the map has a key outside {@code allowed}, naming the key, the allowed keys and
     * the nearest one ("did you mean").
     */
    public MapNode checkKeys(Collection<String> allowed) {
      for (String key : entries.keySet()) {
        if (!allowed.contains(key)) {
          ConfigLocation at = keyLocations.getOrDefault(key, location);
          String near = nearest(key, allowed);
          throw new ConfigException(
              new ConfigLocation(at.source(), at.line(), at.column(), location.childPath(key)),
              "unknown key '" + key + "'"
                  + (near == null ? "" : " (did you mean '" + near + "'?)")
                  + ", expected one of " + new TreeSet<>(allowed));
        }
      }
      return this;
    }

    /** Returns the allowed word nearest to {@code word} by edit distance, if any is close. */
    static @Nullable String nearest(String word, Collection<String> allowed) {
      String best = null;
      int bestDistance = Integer.MAX_VALUE;
      String w = word.toLowerCase(Locale.ROOT);
      for (String a : allowed) {
        int d = editDistance(w, a.toLowerCase(Locale.ROOT));
        if (d < bestDistance) {
          bestDistance = d;
          best = a;
        }
      }
      return best != null && bestDistance <= Math.max(1, word.length() / 3) ? best : null;
    }

    private static int editDistance(String a, String b) {
      // Optimal string alignment distance: a transposition of neighbours counts as one edit.
      int[] prevPrev = new int[b.length() + 1];
      int[] prev = new int[b.length() + 1];
      int[] cur = new int[b.length() + 1];
      for (int j = 0; j <= b.length(); j++) {
        prev[j] = j;
      }
      for (int i = 1; i <= a.length(); i++) {
        cur[0] = i;
        for (int j = 1; j <= b.length(); j++) {
          int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
          cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
          if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
            cur[j] = Math.min(cur[j], prevPrev[j - 2] + 1);
          }
        }
        int[] t = prevPrev;
        prevPrev = prev;
        prev = cur;
        cur = t;
      }
      return prev[b.length()];
    }
  }

  /**
   * A list node.
   *
   * @param location where the list stands
   * @param items the items, in order (unmodifiable)
   */
  record ListNode(ConfigLocation location, List<ConfigNode> items) implements ConfigNode {

    /** Copies the list. */
    public ListNode {
      Objects.requireNonNull(location, "location");
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }

    @Override
    public Object toPlain() {
      List<@Nullable Object> out = new ArrayList<>();
      for (ConfigNode n : items) {
        out.add(n.toPlain());
      }
      return Collections.unmodifiableList(out);
    }

    /** Returns the number of items. */
    public int size() {
      return items.size();
    }

    /** Returns the item at {@code index}. */
    public ConfigNode get(int index) {
      return items.get(index);
    }

    /** Returns every item as text, throwing at the first that is not a scalar. */
    public List<String> strings() {
      List<String> out = new ArrayList<>(items.size());
      for (ConfigNode n : items) {
        out.add(n.asText("a string"));
      }
      return Collections.unmodifiableList(out);
    }
  }

  /**
   * A scalar node: a string, a number ({@code Long}, {@code Double} or {@code BigDecimal}), a
   * boolean or null, as the document wrote it.
   *
   * @param location where the scalar stands
   * @param value the value, or {@code null} for a YAML/JSON null
   */
  record ScalarNode(ConfigLocation location, @Nullable Object value) implements ConfigNode {

    /** Validates the location. */
    public ScalarNode {
      Objects.requireNonNull(location, "location");
    }

    @Override
    public String describe() {
      if (value == null) {
        return "null";
      }
      String t = text();
      if (t.length() > 40) {
        t = t.substring(0, 40) + "\u2026";
      }
      return value instanceof String ? "'" + t + "'" : t;
    }

    @Override
    public @Nullable Object toPlain() {
      return value;
    }

    /** Returns the value as text ({@code ""} for null). */
    public String text() {
      if (value == null) {
        return "";
      }
      if (value instanceof java.math.BigDecimal bigDecimal) {
        return bigDecimal.toPlainString();
      }
      return value.toString();
    }

    /** Returns the value as a boolean, or throws expecting true or false. */
    public boolean bool() {
      if (value instanceof Boolean b) {
        return b;
      }
      throw new ConfigException(location, "expected true or false, found " + describe());
    }

    /** Returns the value as a whole number, or throws expecting one. */
    public long integer() {
      if (value instanceof Long || value instanceof Integer) {
        return ((Number) value).longValue();
      }
      throw new ConfigException(location, "expected a whole number, found " + describe());
    }

    /** Returns the value as a number, or throws expecting one. */
    public double number() {
      if (value instanceof Number number) {
        return number.doubleValue();
      }
      throw new ConfigException(location, "expected a number, found " + describe());
    }
  }
}

package dev.mops.quality.profile;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mops.quality.contract.FieldSpec;
import dev.mops.quality.contract.LogicalType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The mergeable statistics of one field: counts, exact value counts up to a bound (a DataSketches CPC sketch
 * beyond), lengths, numeric moments, min/max and a DDSketch of numbers.
 *
 * <p>Thread safety: not thread-safe.
 */
final class FieldState {

  /** The types a field without a contract is probed for, in the order a suggestion prefers them. */
  static final LogicalType[] PROBES = {
    LogicalType.BOOLEAN, LogicalType.INTEGER, LogicalType.NUMBER, LogicalType.DATE, LogicalType.TIMESTAMP,
    LogicalType.EMAIL, LogicalType.URL, LogicalType.DOMAIN, LogicalType.COUNTRY, LogicalType.PHONE
  };
  private static final FieldSpec[] PROBE_SPECS = new FieldSpec[PROBES.length];

  static {
    for (int i = 0; i < PROBES.length; i++) {
      PROBE_SPECS[i] = FieldSpec.of("probe", PROBES[i], false);
    }
  }

  static final double SKETCH_ACCURACY = 0.01;

  final FieldSpec spec;
  final boolean auto;
  final int distinctLimit;
  long count;
  long nulls;
  long empties;
  @Nullable HashMap<String, long[]> exact = new HashMap<>();
  @Nullable DistinctSketch sketchOfDistinct;
  int minLength = Integer.MAX_VALUE;
  int maxLength = -1;
  long n;
  double mean;
  double m2;
  double min = Double.NaN;
  double max = Double.NaN;
  @Nullable DDSketch sketch;
  final long[] probes;

  FieldState(FieldSpec spec, boolean auto, int distinctLimit) {
    this.spec = spec;
    this.auto = auto;
    this.distinctLimit = distinctLimit;
    this.probes = new long[auto ? PROBES.length : 0];
    LogicalType t = spec.type();
    this.sketch = t == LogicalType.INTEGER || t == LogicalType.NUMBER ? DDSketches.unboundedDense(SKETCH_ACCURACY) : null;
  }

  void add(@Nullable Object raw) {
    count++;
    if (raw == null) {
      nulls++;
      return;
    }
    String s = raw instanceof String string ? string : String.valueOf(dev.mops.core.record.Values.asString(raw));
    if (isBlank(s)) {
      empties++;
      return;
    }
    HashMap<String, long[]> e = exact;
    if (e != null) {
      long[] c = e.get(s);
      if (c == null) {
        e.put(s, new long[] {1});
        if (e.size() > distinctLimit) {
          overflow();
        }
      } else {
        c[0]++;
      }
    } else {
      sketch().add(s);
    }
    int len = s.length();
    if (len < minLength) {
      minLength = len;
    }
    if (len > maxLength) {
      maxLength = len;
    }
    double m = spec.measure(raw);
    if (!Double.isNaN(m)) {
      addMeasure(m);
    }
    if (auto) {
      for (int i = 0; i < PROBES.length; i++) {
        if (PROBE_SPECS[i].accepts(raw)) {
          probes[i]++;
        }
      }
    }
  }

  private void addMeasure(double m) {
    n++;
    double d = m - mean;
    mean += d / n;
    m2 += d * (m - mean);
    if (!(m >= min)) {
      min = m;
    }
    if (!(m <= max)) {
      max = m;
    }
    if (sketch != null) {
      sketch.accept(m);
    }
  }

  private static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The distinct sketch, which exists exactly when {@code exact} is null (past the limit). */
  private DistinctSketch sketch() {
    return Objects.requireNonNull(sketchOfDistinct, "distinct sketch");
  }

  private void overflow() {
    DistinctSketch h = new DistinctSketch();
    for (String k : Objects.requireNonNull(exact).keySet()) {
      h.add(k);
    }
    sketchOfDistinct = h;
    exact = null;
  }

  long distinct() {
    HashMap<String, long[]> e = exact;
    return e != null ? e.size() : sketch().estimate();
  }

  boolean distinctExact() {
    return exact != null;
  }

  /** Top values by count (ties by value), when counts are exact; empty otherwise. */
  List<Map.Entry<String, Long>> top(int k) {
    List<Map.Entry<String, Long>> out = new ArrayList<>();
    if (exact == null) {
      return out;
    }
    for (Map.Entry<String, long[]> e : exact.entrySet()) {
      out.add(Map.entry(e.getKey(), e.getValue()[0]));
    }
    out.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : Long.compare(b.getValue(), a.getValue()));
    return out.size() > k ? new ArrayList<>(out.subList(0, k)) : out;
  }

  double stddev() {
    return n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
  }

  double quantile(double q) {
    return sketch == null || sketch.isEmpty() ? Double.NaN : sketch.getValueAtQuantile(q);
  }

  void merge(FieldState o) {
    count += o.count;
    nulls += o.nulls;
    empties += o.empties;
    if (exact != null && o.exact != null) {
      for (Map.Entry<String, long[]> e : o.exact.entrySet()) {
        long[] c = exact.get(e.getKey());
        if (c == null) {
          exact.put(e.getKey(), new long[] {e.getValue()[0]});
        } else {
          c[0] += e.getValue()[0];
        }
      }
      if (exact.size() > distinctLimit) {
        overflow();
      }
    } else {
      if (exact != null) {
        overflow();
      }
      if (o.exact != null) {
        for (String k : o.exact.keySet()) {
          sketch().add(k);
        }
      } else {
        sketch().merge(o.sketch());
      }
    }
    minLength = Math.min(minLength, o.minLength);
    maxLength = Math.max(maxLength, o.maxLength);
    if (o.n > 0) {
      long total = n + o.n;
      double d = o.mean - mean;
      mean = (n * mean + o.n * o.mean) / total;
      m2 = m2 + o.m2 + d * d * ((double) n * o.n / total);
      n = total;
      min = Double.isNaN(min) ? o.min : Math.min(min, o.min);
      max = Double.isNaN(max) ? o.max : Math.max(max, o.max);
    }
    if (sketch != null && o.sketch != null) {
      sketch.mergeWith(o.sketch);
    }
    for (int i = 0; i < probes.length; i++) {
      probes[i] += o.probes[i];
    }
  }

  FieldState copy() {
    FieldState c = new FieldState(spec, auto, distinctLimit);
    c.merge(this);
    return c;
  }

  void write(ObjectNode o) {
    o.put("name", spec.name());
    o.put("type", auto ? "auto" : spec.type().label());
    o.put("count", count);
    o.put("nulls", nulls);
    o.put("empties", empties);
    o.put("distinct", distinct());
    o.put("distinctExact", exact != null);
    if (exact != null) {
      ObjectNode v = o.putObject("values");
      new TreeMap<>(exact).forEach((k, c) -> v.put(k, c[0]));
    } else {
      o.put("cpc", sketch().encode());
    }
    if (maxLength >= 0) {
      o.put("minLength", minLength);
      o.put("maxLength", maxLength);
    }
    o.put("n", n);
    if (n > 0) {
      o.put("mean", mean);
      o.put("m2", m2);
      o.put("min", min);
      o.put("max", max);
    }
    if (sketch != null) {
      ObjectNode sk = o.putObject("sketch");
      sk.put("relativeAccuracy", SKETCH_ACCURACY);
      sk.put("zeroCount", sketch.getCount() - sketch.getPositiveValueStore().getTotalCount() - sketch.getNegativeValueStore().getTotalCount());
      writeStore(sk.putArray("positive"), sketch.getPositiveValueStore());
      writeStore(sk.putArray("negative"), sketch.getNegativeValueStore());
    }
    if (auto) {
      ObjectNode p = o.putObject("probes");
      for (int i = 0; i < PROBES.length; i++) {
        p.put(PROBES[i].label(), probes[i]);
      }
    }
  }

  private static void writeStore(ArrayNode out, Store store) {
    Iterator<com.datadoghq.sketch.ddsketch.store.Bin> it = store.getAscendingIterator();
    while (it.hasNext()) {
      var b = it.next();
      out.addArray().add(b.getIndex()).add(b.getCount());
    }
  }

  static FieldState read(JsonNode o, FieldSpec spec, boolean auto, int distinctLimit) {
    FieldState f = new FieldState(spec, auto, distinctLimit);
    f.count = o.path("count").asLong();
    f.nulls = o.path("nulls").asLong();
    f.empties = o.path("empties").asLong();
    if (o.path("distinctExact").asBoolean(true)) {
      for (Map.Entry<String, JsonNode> e : o.path("values").properties()) {
        Objects.requireNonNull(f.exact).put(e.getKey(), new long[] {e.getValue().asLong()});
      }
    } else {
      f.exact = null;
      if (o.has("hll")) {
        throw new IllegalArgumentException("field '" + spec.name() + "' holds a HyperLogLog sketch from an earlier mops"
            + " profile format; distinct counts now use a DataSketches CPC sketch: profile the data again");
      }
      f.sketchOfDistinct = DistinctSketch.decode(o.path("cpc").asText());
    }
    if (o.has("maxLength")) {
      f.minLength = o.path("minLength").asInt();
      f.maxLength = o.path("maxLength").asInt();
    }
    f.n = o.path("n").asLong();
    if (f.n > 0) {
      f.mean = o.path("mean").asDouble();
      f.m2 = o.path("m2").asDouble();
      f.min = o.path("min").asDouble();
      f.max = o.path("max").asDouble();
    }
    if (f.sketch != null && o.has("sketch")) {
      JsonNode sk = o.path("sketch");
      double zero = sk.path("zeroCount").asDouble();
      if (zero > 0) {
        f.sketch.accept(0.0, zero);
      }
      for (JsonNode b : sk.path("positive")) {
        f.sketch.getPositiveValueStore().add(b.get(0).asInt(), b.get(1).asDouble());
      }
      for (JsonNode b : sk.path("negative")) {
        f.sketch.getNegativeValueStore().add(b.get(0).asInt(), b.get(1).asDouble());
      }
    }
    if (auto) {
      for (int i = 0; i < PROBES.length; i++) {
        f.probes[i] = o.path("probes").path(PROBES[i].label()).asLong();
      }
    }
    return f;
  }
}

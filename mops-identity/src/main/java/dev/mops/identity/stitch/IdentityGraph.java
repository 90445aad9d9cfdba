package dev.mops.identity.stitch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * An identity graph with merge protection: it stitches the identifiers of each observation into
 * one profile, unless that would break a rule of the {@link StitchConfig}, in which case the
 * identifiers of the lowest priority in the observation are dropped and the merge retried, and
 * what was dropped is recorded with its reason.
 *
 * <p><b>The rules.</b> A blocked or invalid value is refused before anything else. Then, for the
 * remaining identifiers, the merge of their existing profiles and their new identifiers is
 * checked: no value of a type that does not link ({@link IdentifierType#links()}) as the only tie
 * to a profile (only those values are dropped), no unique type with two values, no type over its limit (counting only values last seen
 * within the type's window, when it has one), no profile over the largest size. On a violation
 * every identifier of the lowest priority present is dropped (refused with the violated rule) and
 * the check runs again, until it passes or nothing is left. Refused identifiers are not added.
 *
 * <p><b>Determinism.</b> Observations are applied in the order given to {@link #add}; {@link
 * #addAll} first sorts by timestamp, observations without a timestamp first, ties by observation
 * id. Where order decides a conflict the earlier observation wins ("the first {@code user_id}
 * wins"), so {@code addAll} gives the same profiles for any order of the same observations.
 * Observations that never conflict give the same profiles in any order, with {@code add} too.
 * A profile's id is {@code p-} and 16 hex digits of a 64-bit hash of its anchor: the identifier
 * first seen (earliest timestamp, then type order, then value), so the same input gives the same
 * ids, a profile keeps its id as it grows, and a merge keeps the id of the profile seen first.
 *
 * <p><b>Incremental.</b> Observations can be added at any time; {@link #retract} removes one (a
 * deletion request) and recomputes only the profile it was part of, replaying the rest of that
 * profile's observations in timestamp order, which may split it. Retraction needs the graph to
 * retain observations ({@link Builder#retainObservations}, the default); without them memory is
 * proportional to the distinct identifiers only. {@link #save} writes a versioned binary file
 * atomically; {@link #load} reads it back.
 *
 * <p><b>Limits.</b> Identifier values longer than {@link IdentifierType#MAX_VALUE_LENGTH} are
 * refused as invalid; a graph holds at most about 2<sup>31</sup> distinct identifiers (an
 * {@link IllegalStateException} beyond).
 *
 * <p><b>Thread safety.</b> Thread-safe. Writers ({@link #add}, {@link #addAll}, {@link #retract})
 * are serialized by a read-write lock, so concurrent writers see the same result as some serial
 * order of their calls; readers run concurrently with each other and see the state between two
 * writes. Normalization runs outside the lock. The {@link StitchListener} is called under the
 * write lock.
 */
public final class IdentityGraph {

  private static final int NONE = -1;

  /** The members of a retracted observation (compared by identity). */
  private static final int[] RETRACTED = new int[0];

  private final StitchConfig config;
  private final IdentifierScreen screen;
  private final StitchListener listener;
  private final boolean retain;
  private final int nTypes;
  private final String[] typeNames;
  private final int[] priority;
  private final int[] limit;
  private final long[] windowMs;
  private final boolean[] unique;
  private final float[] typeConfidence;
  private final boolean[] links;
  private final boolean anyLimit;
  private final boolean anyWeak;
  private final int maxProfile;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  // Identifiers, by slot. parent < 0: the slot is interned but belongs to no profile.
  private final StringIntMap[] index;
  private int n;
  private byte[] type = new byte[0];
  private String[] value = new String[0];
  private int[] parent = new int[0];
  private int[] next = new int[0];
  private long[] first = new long[0];
  private long[] last = new long[0];
  private float[] conf = new float[0];
  // By root slot.
  private int[] size = new int[0];
  private int[] anchor = new int[0];
  private int[] counts = new int[0];
  private int[] obsHead = new int[0];
  private int live;
  private int profiles;

  // Retained observations.
  private int obsN;
  private String[] obsId = new String[0];
  private long[] obsTs = new long[0];
  private String[] obsSource = new String[0];
  private int[][] obsMembers = new int[0][];
  private int[] obsNext = new int[0];
  private final HashMap<String, Integer> obsIndex = new HashMap<>();

  // Statistics and junk tracking.
  private long observations;
  private long merges;
  private long emptyObservations;
  private final long[] refusals = new long[RefusalReason.values().length];
  private final HashMap<Integer, JunkTrack> junk = new HashMap<>();

  // Scratch, used under the write lock.
  private final int[] newOfType;
  private int[] roots = new int[8];
  private boolean[] strong = new boolean[8];
  private Violation @Nullable [] reasons;

  private IdentityGraph(Builder b) {
    this.config = b.config;
    this.screen = new IdentifierScreen(config);
    this.listener = b.listener;
    this.retain = b.retain;
    List<IdentifierType> types = config.types();
    this.nTypes = types.size();
    this.typeNames = new String[nTypes];
    this.priority = new int[nTypes];
    this.limit = new int[nTypes];
    this.windowMs = new long[nTypes];
    this.unique = new boolean[nTypes];
    this.typeConfidence = new float[nTypes];
    this.index = new StringIntMap[nTypes];
    this.links = new boolean[nTypes];
    boolean any = false;
    boolean weak = false;
    for (int t = 0; t < nTypes; t++) {
      IdentifierType it = types.get(t);
      typeNames[t] = it.name();
      priority[t] = it.priority();
      limit[t] = it.limit();
      windowMs[t] = it.window().map(java.time.Duration::toMillis).orElse(0L);
      unique[t] = it.unique();
      typeConfidence[t] = (float) it.confidence();
      index[t] = new StringIntMap(1024);
      any |= limit[t] > 0;
      links[t] = it.links();
      weak |= !it.links();
    }
    this.anyLimit = any;
    this.anyWeak = weak;
    this.maxProfile = config.maxProfileIdentifiers();
    this.newOfType = new int[nTypes];
    ensure(1024);
  }

  /** Returns an empty graph for {@code config}, retaining observations, without a listener. */
  public static IdentityGraph create(StitchConfig config) {
    return builder(config).build();
  }

  /** Returns a builder of an empty graph for {@code config}. */
  public static Builder builder(StitchConfig config) {
    return new Builder(config);
  }

  /** Returns the configuration the graph applies. */
  public StitchConfig config() {
    return config;
  }

  /** True when the graph keeps observations, so that they can be retracted. */
  public boolean retainsObservations() {
    return retain;
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /**
   * Adds one observation: stitches its identifiers under the rules, reporting merges and refusals
   * to the listener.
   *
   * @throws IllegalArgumentException when the graph retains observations and already holds one
   *     with this id
   */
  public StitchOutcome add(Observation observation) {
    Objects.requireNonNull(observation, "observation");
    IdentifierScreen.@Nullable Screened[] screened = screen(observation);
    lock.writeLock().lock();
    try {
      return apply(observation, screened);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Adds observations in timestamp order (without a timestamp first, ties by observation id),
   * whatever order they are given in, so that the result does not depend on it.
   *
   * @return how many observations merged two or more profiles
   */
  public long addAll(Collection<Observation> observations) {
    Observation[] sorted = observations.toArray(new Observation[0]);
    Arrays.sort(sorted, ORDER);
    List<IdentifierScreen.@Nullable Screened[]> screened = new ArrayList<>(sorted.length);
    for (Observation o : sorted) {
      screened.add(screen(o));
    }
    long merged = 0;
    lock.writeLock().lock();
    try {
      for (int i = 0; i < sorted.length; i++) {
        if (apply(sorted[i], screened.get(i)).mergedProfiles() > 1) {
          merged++;
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
    return merged;
  }

  /** The order of {@link #addAll}: by timestamp (unknown first), then by id. */
  static final Comparator<Observation> ORDER =
      Comparator.comparingLong(Observation::epochMillis).thenComparing(Observation::id);

  private IdentifierScreen.@Nullable Screened[] screen(Observation o) {
    List<Identifier> ids = o.identifiers();
    IdentifierScreen.@Nullable Screened[] out = new IdentifierScreen.Screened[ids.size()];
    for (int i = 0; i < out.length; i++) {
      Identifier id = ids.get(i);
      int t = config.indexOf(id.type());
      if (t < 0) {
        out[i] = new IdentifierScreen.Screened(-1, id.value(), null, RefusalReason.UNKNOWN_TYPE,
            "unknown identifier type '" + id.type() + "', expected one of " + List.of(typeNames));
      } else {
        out[i] = screen.screen(t, id.value());
      }
    }
    return out;
  }

  /** A rule an observation would break, found by {@link #check}. */
  private record Violation(RefusalReason reason, String detail) {}

  /**
   * Drops identifiers from the first {@code m} slots (sorted by priority) until the rest can be
   * stitched: on a weak link the weak ties themselves, otherwise every identifier of the lowest
   * priority present. Dropped slots move to the end, in their order; returns how many are kept and
   * leaves each dropped slot's violation in {@link #reasons}.
   */
  private int resolve(int[] ids, int m, long ts) {
    int total = m;
    reasons = null;
    while (m > 0) {
      Violation v = check(ids, m, ts);
      if (v == null) {
        break;
      }
      if (reasons == null) {
        reasons = new Violation[total];
      }
      if (v.reason() == RefusalReason.WEAK_LINK) {
        // Drop the weak identifiers whose profile nothing else of the observation reaches.
        int[] kept = new int[m];
        int[] dropped = new int[m];
        int k = 0;
        int d = 0;
        for (int i = 0; i < m; i++) {
          int id = ids[i];
          if (!links[type[id]] && parent[id] >= 0 && !strongRootOf(find(id))) {
            dropped[d++] = id;
          } else {
            kept[k++] = id;
          }
        }
        System.arraycopy(kept, 0, ids, 0, k);
        System.arraycopy(dropped, 0, ids, k, d);
        for (int j = k; j < m; j++) {
          reasons[j] = v;
        }
        m = k;
        continue;
      }
      int lowest = priority[type[ids[m - 1]]];
      int cut = m - 1;
      while (cut > 0 && priority[type[ids[cut - 1]]] == lowest) {
        cut--;
      }
      for (int j = cut; j < m; j++) {
        reasons[j] = v;
      }
      m = cut;
    }
    return m;
  }

  /** True when the root was reached by a linking identifier in the last {@link #check}. */
  private boolean strongRootOf(int r) {
    for (int j = 0; j < lastRoots; j++) {
      if (roots[j] == r) {
        return strong[j];
      }
    }
    return false;
  }

  private int lastRoots;

  private StitchOutcome apply(Observation o, IdentifierScreen.@Nullable Screened[] screened) {
    if (retain && obsIndex.containsKey(o.id())) {
      throw new IllegalArgumentException("the graph already holds observation '" + o.id() + "'; retract it first");
    }
    observations++;
    long ts = o.epochMillis();
    int[] ids = new int[screened.length];
    int m = 0;
    int refusedCount = 0;
    List<Refusal> early = null;
    for (int i = 0; i < screened.length; i++) {
      IdentifierScreen.Screened s = screened[i];
      if (s == null) {
        continue;
      }
      if (s.value() == null) {
        RefusalReason reason = Objects.requireNonNull(s.reason());
        String typeName = s.type() < 0 ? o.identifiers().get(i).type() : typeNames[s.type()];
        if (early == null) {
          early = new ArrayList<>(2);
        }
        early.add(new Refusal(o.id(), o.timestamp(), o.source(), new Identifier(typeName, s.raw()), reason, s.detail(), ""));
        continue;
      }
      int id = intern(s.type(), s.value());
      boolean dup = false;
      for (int j = 0; j < m; j++) {
        dup |= ids[j] == id;
      }
      if (!dup) {
        ids[m++] = id;
      }
    }
    if (m == 0 && early == null) {
      emptyObservations++;
    }
    sortByPriority(ids, m);
    int total = m;
    m = resolve(ids, m, ts);
    Violation[] dropReason = reasons;
    int merged = m > 0 ? link(o, ids, m, ts) : 0;
    String pid = m > 0 ? profileId(find(ids[0])) : "";
    if (early != null) {
      for (Refusal r : early) {
        refusedCount++;
        refusals[r.reason().ordinal()]++;
        listener.refused(new Refusal(r.observationId(), r.timestamp(), r.source(), r.identifier(), r.reason(),
            r.detail(), pid));
      }
    }
    for (int j = m; j < total; j++) {
      Violation v = Objects.requireNonNull(dropReason)[j];
      refusedCount++;
      refusals[v.reason().ordinal()]++;
      trackJunk(ids[j], m > 0 ? anchor[find(ids[0])] : NONE);
      if (listener != StitchListener.NONE) {
        listener.refused(new Refusal(o.id(), o.timestamp(), o.source(), identifier(ids[j]), v.reason(), v.detail(), pid));
      }
    }
    if (retain && m > 0) {
      retainObservation(o.id(), ts, o.source(), Arrays.copyOf(ids, m));
    }
    return new StitchOutcome(pid, merged, m, refusedCount);
  }

  /** Sorts the first {@code m} slots by priority, highest first (insertion sort: m is small). */
  private void sortByPriority(int[] ids, int m) {
    for (int i = 1; i < m; i++) {
      int x = ids[i];
      int px = priority[type[x]];
      int j = i - 1;
      while (j >= 0 && (priority[type[ids[j]]] < px
          || priority[type[ids[j]]] == px && (type[ids[j]] > type[x]
              || type[ids[j]] == type[x] && value[ids[j]].compareTo(value[x]) > 0))) {
        ids[j + 1] = ids[j];
        j--;
      }
      ids[j + 1] = x;
    }
  }

  /** Returns the rule that stitching the first {@code m} slots together would break, or null. */
  private @Nullable Violation check(int[] ids, int m, long ts) {
    int nRoots = 0;
    int fresh = 0;
    Arrays.fill(newOfType, 0);
    for (int i = 0; i < m; i++) {
      int id = ids[i];
      if (parent[id] < 0) {
        newOfType[type[id]]++;
        fresh++;
      } else {
        int r = find(id);
        boolean seen = false;
        for (int j = 0; j < nRoots; j++) {
          seen |= roots[j] == r;
        }
        if (!seen) {
          if (nRoots == roots.length) {
            roots = Arrays.copyOf(roots, nRoots * 2);
            strong = Arrays.copyOf(strong, nRoots * 2);
          }
          strong[nRoots] = false;
          roots[nRoots++] = r;
        }
        if (links[type[id]]) {
          for (int j = 0; j < nRoots; j++) {
            if (roots[j] == r) {
              strong[j] = true;
            }
          }
        }
      }
    }
    lastRoots = nRoots;
    if (nRoots <= 1 && fresh == 0) {
      return null;
    }
    if (anyWeak) {
      for (int j = 0; j < nRoots; j++) {
        if (!strong[j]) {
          return new Violation(RefusalReason.WEAK_LINK, "would be the only tie to profile " + profileId(roots[j])
              + " through a type that does not link");
        }
      }
    }
    if (anyLimit) {
      for (int t = 0; t < nTypes; t++) {
        if (limit[t] == 0) {
          continue;
        }
        int c = newOfType[t];
        for (int j = 0; j < nRoots; j++) {
          c += counts[roots[j] * nTypes + t];
        }
        if (c <= limit[t]) {
          continue;
        }
        if (windowMs[t] == 0) {
          return violation(t, c, nRoots);
        }
        long since = ts == Long.MIN_VALUE ? Long.MIN_VALUE : ts - windowMs[t];
        int inWindow = newOfType[t];
        for (int j = 0; j < nRoots; j++) {
          int r = roots[j];
          int x = r;
          do {
            if (type[x] == t && (last[x] >= since || contains(ids, m, x))) {
              inWindow++;
            }
            x = next[x];
          } while (x != r);
        }
        if (inWindow > limit[t]) {
          return violation(t, inWindow, nRoots);
        }
      }
    }
    if (maxProfile > 0) {
      long s = fresh;
      for (int j = 0; j < nRoots; j++) {
        s += size[roots[j]];
      }
      if (s > maxProfile) {
        return new Violation(RefusalReason.PROFILE_SIZE,
            "would give a profile " + s + " identifiers (largest allowed " + maxProfile + ")" + profilesPart(nRoots));
      }
    }
    return null;
  }

  private static boolean contains(int[] ids, int m, int x) {
    for (int i = 0; i < m; i++) {
      if (ids[i] == x) {
        return true;
      }
    }
    return false;
  }

  private Violation violation(int t, int count, int nRoots) {
    if (unique[t]) {
      return new Violation(RefusalReason.UNIQUE,
          "would give a profile " + count + " different " + typeNames[t] + " values (unique)" + profilesPart(nRoots));
    }
    String within = windowMs[t] == 0 ? "" : " within " + java.time.Duration.ofMillis(windowMs[t]);
    return new Violation(RefusalReason.LIMIT, "would give a profile " + count + " " + typeNames[t] + " values" + within
        + " (limit " + limit[t] + ")" + profilesPart(nRoots));
  }

  private String profilesPart(int nRoots) {
    if (nRoots == 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" merging ");
    for (int j = 0; j < nRoots; j++) {
      sb.append(j == 0 ? "" : ", ").append(profileId(roots[j]));
    }
    return sb.toString();
  }

  /** Stitches the first {@code m} slots into one profile; returns the number of profiles merged. */
  private int link(Observation o, int[] ids, int m, long ts) {
    List<MergeEvent.Link> links = null;
    int nRoots = 0;
    for (int i = 0; i < m; i++) {
      int id = ids[i];
      if (parent[id] >= 0) {
        int r = find(id);
        boolean seen = false;
        for (int j = 0; j < nRoots; j++) {
          seen |= roots[j] == r;
        }
        if (!seen) {
          if (nRoots == roots.length) {
            roots = Arrays.copyOf(roots, nRoots * 2);
            strong = Arrays.copyOf(strong, nRoots * 2);
          }
          roots[nRoots++] = r;
          if (listener != StitchListener.NONE) {
            if (links == null) {
              links = new ArrayList<>(2);
            }
            links.add(new MergeEvent.Link(profileId(r), identifier(id)));
          }
        }
      }
    }
    int r = NONE;
    for (int i = 0; i < m; i++) {
      int id = ids[i];
      if (parent[id] < 0) {
        revive(id, ts);
      } else {
        if (ts < first[id]) {
          first[id] = ts;
        }
        if (ts > last[id]) {
          last[id] = ts;
        }
      }
      r = r == NONE ? find(id) : union(r, id);
    }
    for (int i = 0; i < m; i++) {
      if (less(ids[i], anchor[r])) {
        anchor[r] = ids[i];
      }
    }
    if (m > 1) {
      float best = -1;
      float second = -1;
      int bestAt = NONE;
      for (int i = 0; i < m; i++) {
        float c = typeConfidence[type[ids[i]]];
        if (c > best) {
          second = best;
          best = c;
          bestAt = i;
        } else if (c > second) {
          second = c;
        }
      }
      for (int i = 0; i < m; i++) {
        float other = i == bestAt ? second : best;
        if (other > conf[ids[i]]) {
          conf[ids[i]] = other;
        }
      }
    }
    if (nRoots > 1) {
      merges++;
      if (links != null) {
        listener.merged(new MergeEvent(o.id(), o.timestamp(), o.source(), profileId(r), links));
      }
    }
    return nRoots;
  }

  private void revive(int id, long ts) {
    parent[id] = id;
    next[id] = id;
    size[id] = 1;
    counts[id * nTypes + type[id]] = 1;
    anchor[id] = id;
    first[id] = ts;
    last[id] = ts;
    conf[id] = 0;
    obsHead[id] = NONE;
    live++;
    profiles++;
  }

  private void detach(int id) {
    parent[id] = NONE;
    next[id] = id;
    size[id] = 0;
    Arrays.fill(counts, id * nTypes, id * nTypes + nTypes, 0);
    anchor[id] = NONE;
    first[id] = Long.MAX_VALUE;
    last[id] = Long.MIN_VALUE;
    conf[id] = 0;
    obsHead[id] = NONE;
    live--;
  }

  /** Joins the profile of {@code r} (a root) and that of {@code id}; returns the new root. */
  private int union(int r, int id) {
    int s = find(id);
    if (s == r) {
      return r;
    }
    if (size[s] > size[r]) {
      int t = r;
      r = s;
      s = t;
    }
    parent[s] = r;
    size[r] += size[s];
    for (int t = 0; t < nTypes; t++) {
      counts[r * nTypes + t] += counts[s * nTypes + t];
      counts[s * nTypes + t] = 0;
    }
    int nx = next[r];
    next[r] = next[s];
    next[s] = nx;
    if (obsHead[s] != NONE) {
      if (obsHead[r] == NONE) {
        obsHead[r] = obsHead[s];
      } else {
        int a = obsHead[r];
        int b = obsHead[s];
        int t = obsNext[a];
        obsNext[a] = obsNext[b];
        obsNext[b] = t;
      }
      obsHead[s] = NONE;
    }
    if (less(anchor[s], anchor[r])) {
      anchor[r] = anchor[s];
    }
    profiles--;
    return r;
  }

  private int find(int x) {
    while (parent[x] != x) {
      int g = parent[parent[x]];
      parent[x] = g;
      x = g;
    }
    return x;
  }

  /** The anchor order: first seen, then type order, then value. */
  private boolean less(int a, int b) {
    if (first[a] != first[b]) {
      return first[a] < first[b];
    }
    if (type[a] != type[b]) {
      return type[a] < type[b];
    }
    return value[a].compareTo(value[b]) < 0;
  }

  private int intern(int t, String v) {
    if (n == Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("the graph is full: " + n + " identifiers");
    }
    int id = index[t].putIfAbsent(v, n, value);
    if (id < n) {
      return id;
    }
    ensure(n + 1);
    n++;
    type[id] = (byte) t;
    value[id] = v;
    parent[id] = NONE;
    next[id] = id;
    anchor[id] = NONE;
    first[id] = Long.MAX_VALUE;
    last[id] = Long.MIN_VALUE;
    obsHead[id] = NONE;
    return id;
  }

  private void ensure(int capacity) {
    if (capacity <= type.length) {
      return;
    }
    int cap = (int) Math.min(Integer.MAX_VALUE - 16L, Math.max(capacity, type.length + (type.length >> 1) + 16L));
    type = Arrays.copyOf(type, cap);
    value = Arrays.copyOf(value, cap);
    parent = Arrays.copyOf(parent, cap);
    next = Arrays.copyOf(next, cap);
    first = Arrays.copyOf(first, cap);
    last = Arrays.copyOf(last, cap);
    conf = Arrays.copyOf(conf, cap);
    size = Arrays.copyOf(size, cap);
    anchor = Arrays.copyOf(anchor, cap);
    counts = Arrays.copyOf(counts, Math.multiplyExact(cap, nTypes));
    obsHead = Arrays.copyOf(obsHead, cap);
  }

  private void retainObservation(String id, long ts, String source, int[] members) {
    if (obsN == obsId.length) {
      int cap = Math.max(16, obsN + (obsN >> 1));
      obsId = Arrays.copyOf(obsId, cap);
      obsTs = Arrays.copyOf(obsTs, cap);
      obsSource = Arrays.copyOf(obsSource, cap);
      obsMembers = Arrays.copyOf(obsMembers, cap);
      obsNext = Arrays.copyOf(obsNext, cap);
    }
    int o = obsN++;
    obsId[o] = id;
    obsTs[o] = ts;
    obsSource[o] = source.isEmpty() ? "" : source.intern();
    obsMembers[o] = members;
    obsIndex.put(id, o);
    attach(o, find(members[0]));
  }

  private void attach(int o, int r) {
    if (obsHead[r] == NONE) {
      obsHead[r] = o;
      obsNext[o] = o;
    } else {
      int h = obsHead[r];
      obsNext[o] = obsNext[h];
      obsNext[h] = o;
    }
  }

  private void trackJunk(int id, int anchorOfResult) {
    JunkTrack j = junk.computeIfAbsent(id, k -> new JunkTrack());
    j.refusals++;
    if (anchorOfResult != NONE) {
      j.add(anchorOfResult);
    }
  }

  /** The profiles a refused identifier was refused into, by their anchors at the time. */
  private static final class JunkTrack {
    private static final int CAP = 64;
    int refusals;
    int[] anchors = new int[2];
    int count;

    void add(int a) {
      for (int i = 0; i < count; i++) {
        if (anchors[i] == a) {
          return;
        }
      }
      if (count == CAP) {
        return;
      }
      if (count == anchors.length) {
        anchors = Arrays.copyOf(anchors, count * 2);
      }
      anchors[count++] = a;
    }
  }

  /**
   * Retracts an observation (a deletion request): removes it and recomputes the one profile it was
   * part of by replaying that profile's other observations in timestamp order under the rules.
   * Identifiers seen only in the retracted observation leave the graph; the profile may split.
   * Other profiles are not touched.
   *
   * @throws IllegalStateException when the graph does not retain observations
   */
  public Retraction retract(String observationId) {
    Objects.requireNonNull(observationId, "observationId");
    if (!retain) {
      throw new IllegalStateException("this graph does not retain observations, so it cannot retract one");
    }
    lock.writeLock().lock();
    try {
      Integer at = obsIndex.remove(observationId);
      if (at == null) {
        return new Retraction(observationId, false, "", List.of(), 0);
      }
      int o = at;
      int[] members = obsMembers[o];
      if (members.length == 0) {
        obsMembers[o] = RETRACTED;
        return new Retraction(observationId, true, "", List.of(), 0);
      }
      int r = find(members[0]);
      String previous = profileId(r);
      List<Integer> replay = new ArrayList<>();
      int h = obsHead[r];
      int x = h;
      do {
        if (x != o) {
          replay.add(x);
        }
        x = obsNext[x];
      } while (x != h);
      List<Integer> former = new ArrayList<>(size[r]);
      x = r;
      do {
        former.add(x);
        x = next[x];
      } while (x != r);
      for (int id : former) {
        detach(id);
      }
      profiles--;
      obsMembers[o] = RETRACTED;
      replay.sort(Comparator.<Integer>comparingLong(i -> obsTs[i]).thenComparing(i -> obsId[i]));
      for (int ob : replay) {
        int[] ids = obsMembers[ob].clone();
        int m = ids.length;
        sortByPriority(ids, m);
        int total = m;
        m = resolve(ids, m, obsTs[ob]);
        for (int j = m; j < total; j++) {
          Violation v = Objects.requireNonNull(reasons)[j];
          refusals[v.reason().ordinal()]++;
          listener.refused(new Refusal(obsId[ob], instant(obsTs[ob]), obsSource[ob], identifier(ids[j]),
              v.reason(), v.detail() + " (on replay after retracting " + observationId + ")", ""));
        }
        if (m == 0) {
          obsMembers[ob] = new int[0];
          continue;
        }
        Observation replayed = new Observation(obsId[ob], instant(obsTs[ob]), obsSource[ob], List.of());
        link(replayed, ids, m, obsTs[ob]);
        obsMembers[ob] = Arrays.copyOf(ids, m);
        attach(ob, find(ids[0]));
      }
      TreeSet<String> now = new TreeSet<>();
      int removed = 0;
      for (int id : former) {
        if (parent[id] < 0) {
          removed++;
        } else {
          now.add(profileId(find(id)));
        }
      }
      Retraction result = new Retraction(observationId, true, previous, new ArrayList<>(now), removed);
      listener.retracted(result);
      return result;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static @Nullable Instant instant(long ms) {
    return ms == Long.MIN_VALUE ? null : Instant.ofEpochMilli(ms);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  private Identifier identifier(int id) {
    return new Identifier(typeNames[type[id]], value[id]);
  }

  /** Returns the profile id of root {@code r}: a hash of its anchor. */
  private String profileId(int r) {
    return profileIdOf(typeNames[type[anchor[r]]], value[anchor[r]]);
  }

  /** Returns the profile id a profile anchored at this identifier has. */
  static String profileIdOf(String typeName, String v) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < typeName.length(); i++) {
      h = (h ^ typeName.charAt(i)) * 0x100000001b3L;
    }
    h = (h ^ ':') * 0x100000001b3L;
    for (int i = 0; i < v.length(); i++) {
      h = (h ^ v.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    String hex = Long.toHexString(h);
    return "p-" + "0000000000000000".substring(hex.length()) + hex;
  }

  private int lookup(String typeName, String raw) {
    int t = config.indexOf(typeName);
    if (t < 0) {
      throw new IllegalArgumentException("unknown identifier type '" + typeName + "', expected one of "
          + List.of(typeNames));
    }
    String v = screen.normalize(t, raw);
    if (v == null) {
      return NONE;
    }
    int id = index[t].get(v, value);
    return id >= 0 && parent[id] >= 0 ? id : NONE;
  }

  /**
   * Returns the id of the profile holding this identifier (normalized as the graph does), or empty
   * when no profile holds it.
   *
   * @throws IllegalArgumentException when the type is not configured
   */
  public Optional<String> profileOf(String typeName, String rawValue) {
    lock.readLock().lock();
    try {
      int id = lookup(typeName, rawValue);
      return id == NONE ? Optional.empty() : Optional.of(profileId(find(id)));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Returns the profile holding this identifier with all its identifiers, or empty.
   *
   * @throws IllegalArgumentException when the type is not configured
   */
  public Optional<Profile> profileContaining(String typeName, String rawValue) {
    lock.readLock().lock();
    try {
      int id = lookup(typeName, rawValue);
      return id == NONE ? Optional.empty() : Optional.of(profile(find(id)));
    } finally {
      lock.readLock().unlock();
    }
  }

  private Profile profile(int r) {
    List<Integer> members = new ArrayList<>(size[r]);
    int x = r;
    do {
      members.add(x);
      x = next[x];
    } while (x != r);
    members.sort(Comparator.<Integer>comparingInt(i -> type[i]).thenComparing(i -> value[i]));
    List<Identifier> ids = new ArrayList<>(members.size());
    for (int i : members) {
      ids.add(identifier(i));
    }
    return new Profile(profileId(r), ids);
  }

  /** Returns every profile, sorted by id. The list is a snapshot. */
  public List<Profile> profiles() {
    lock.readLock().lock();
    try {
      List<Profile> out = new ArrayList<>(profiles);
      for (int i = 0; i < n; i++) {
        if (parent[i] == i) {
          out.add(profile(i));
        }
      }
      out.sort(Comparator.comparing(Profile::id));
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * A receiver of the identifier-to-profile rows of {@link #forEachIdentifier}.
   *
   * <p>Thread safety: called from the reading thread only.
   */
  @FunctionalInterface
  public interface IdentifierVisitor {
    /** Receives one identifier (normalized) and the id of its profile. */
    void visit(String type, String value, String profileId) throws IOException;
  }

  /**
   * Streams every identifier held by a profile, with its profile id, in the order identifiers were
   * first added, without building a snapshot; holds the read lock meanwhile.
   *
   * @throws IOException when the visitor throws it
   */
  public void forEachIdentifier(IdentifierVisitor visitor) throws IOException {
    lock.readLock().lock();
    try {
      String[] ids = new String[n];
      for (int i = 0; i < n; i++) {
        if (parent[i] < 0) {
          continue;
        }
        int r = find(i);
        String pid = ids[r];
        if (pid == null) {
          pid = profileId(r);
          ids[r] = pid;
        }
        visitor.visit(typeNames[type[i]], value[i], pid);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Returns how many identifiers belong to a profile. */
  public int identifierCount() {
    lock.readLock().lock();
    try {
      return live;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Returns how many profiles there are. */
  public int profileCount() {
    lock.readLock().lock();
    try {
      return profiles;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Returns how many observations were added (retractions do not subtract). */
  public long observationCount() {
    lock.readLock().lock();
    try {
      return observations;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Returns the identifiers that were refused into at least {@link StitchConfig#junkMinProfiles()}
   * distinct profiles (counting the one they belong to), most profiles first, then by identifier.
   */
  public List<SuspectedJunk> suspectedJunk() {
    lock.readLock().lock();
    try {
      List<SuspectedJunk> out = new ArrayList<>();
      for (Map.Entry<Integer, JunkTrack> e : junk.entrySet()) {
        int id = e.getKey();
        JunkTrack j = e.getValue();
        TreeSet<Integer> distinct = new TreeSet<>();
        if (parent[id] >= 0) {
          distinct.add(find(id));
        }
        for (int i = 0; i < j.count; i++) {
          int a = j.anchors[i];
          if (parent[a] >= 0) {
            distinct.add(find(a));
          }
        }
        if (distinct.size() >= config.junkMinProfiles()) {
          out.add(new SuspectedJunk(identifier(id), distinct.size(), j.refusals,
              parent[id] >= 0 ? profileId(find(id)) : ""));
        }
      }
      out.sort(Comparator.comparingInt(SuspectedJunk::profiles).reversed()
          .thenComparing(s -> s.identifier().type()).thenComparing(s -> s.identifier().value()));
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Returns the metrics with the configuration's confidence threshold. */
  public StitchMetrics metrics() {
    return metrics(config.confidenceThreshold());
  }

  /**
   * Returns the metrics: stitching rate, the share of stitched identifiers at or above {@code
   * threshold} confidence, merges, and refusals by reason.
   *
   * @throws IllegalArgumentException when the threshold is outside 0 to 1
   */
  public StitchMetrics metrics(double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be from 0 to 1, not " + threshold);
    }
    lock.readLock().lock();
    try {
      long[] idsOfType = new long[nTypes];
      long[] stitchedOfType = new long[nTypes];
      long stitched = 0;
      long confident = 0;
      for (int i = 0; i < n; i++) {
        if (parent[i] < 0) {
          continue;
        }
        idsOfType[type[i]]++;
        if (size[find(i)] > 1) {
          stitched++;
          stitchedOfType[type[i]]++;
          if (conf[i] >= threshold - 1e-6) {
            confident++;
          }
        }
      }
      Map<String, Double> byType = new LinkedHashMap<>();
      for (int t = 0; t < nTypes; t++) {
        byType.put(typeNames[t], idsOfType[t] == 0 ? 0.0 : (double) stitchedOfType[t] / idsOfType[t]);
      }
      Map<RefusalReason, Long> byReason = new EnumMap<>(RefusalReason.class);
      for (RefusalReason r : RefusalReason.values()) {
        byReason.put(r, refusals[r.ordinal()]);
      }
      return new StitchMetrics(observations, emptyObservations, live, profiles, stitched, byType, threshold,
          confident, merges, byReason);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Compares the profiles with known truth: {@code personOf} gives, for identifiers whose owner is
   * known, a person id (values as found; they are normalized as the graph does). Identifiers of the
   * truth that no profile holds count as profiles of their own.
   */
  public ProfileAccuracy evaluate(Map<Identifier, String> personOf) {
    lock.readLock().lock();
    try {
      Map<Cell, Long> cells = new HashMap<>();
      Map<Long, Long> byProfile = new HashMap<>();
      Map<String, Long> byPerson = new HashMap<>();
      Map<String, TreeSet<Long>> profilesOf = new HashMap<>();
      long missing = 0;
      long lone = -1;
      for (Map.Entry<Identifier, String> e : personOf.entrySet()) {
        int id = lookup(e.getKey().type(), e.getKey().value());
        long profile;
        if (id == NONE) {
          missing++;
          profile = lone--;
        } else {
          profile = find(id);
        }
        String person = e.getValue();
        cells.merge(new Cell(profile, person), 1L, Long::sum);
        byProfile.merge(profile, 1L, Long::sum);
        byPerson.merge(person, 1L, Long::sum);
        profilesOf.computeIfAbsent(person, k -> new TreeSet<>()).add(profile);
      }
      return ProfileAccuracy.of(pairs(cells), pairs(byProfile), pairs(byPerson), byPerson.size(),
          profilesOf.values().stream().mapToLong(TreeSet::size).sum(), personOf.size(), missing);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** One cell of the profile-by-person table. */
  private record Cell(long profile, String person) {}

  private static long pairs(Map<?, Long> groups) {
    long s = 0;
    for (long c : groups.values()) {
      s += c * (c - 1) / 2;
    }
    return s;
  }

  // ---------------------------------------------------------------------------------------------
  // Saving and loading

  /**
   * Saves the graph to {@code file} atomically: written to a temporary file in the same folder,
   * flushed to disk, then moved over {@code file}, so a reader never sees a half-written graph and
   * a crash leaves the previous file intact.
   *
   * <p>Two processes sharing one file: there is no lock. Each save replaces the whole file, so the
   * last save wins and the other process's additions since it loaded are lost. Run one writer at
   * a time (a scheduled job), or give each process its own file.
   *
   * @throws IOException when the file cannot be written
   */
  public void save(Path file) throws IOException {
    lock.readLock().lock();
    try {
      GraphFile.save(this, file);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Loads a graph saved by {@link #save}, to go on with {@code config}. The config may differ from
   * the one the graph was saved with (new limits apply to later observations only) but must have
   * the same identifier types in the same order.
   *
   * @throws IOException when the file cannot be read, is not a saved graph, is of an unknown format
   *     version, or its types differ from the config's
   */
  public static IdentityGraph load(Path file, StitchConfig config) throws IOException {
    return load(file, builder(config));
  }

  /**
   * Loads a graph saved by {@link #save} into a graph built as {@code builder} says (its listener;
   * whether it retains observations: a graph saved without them cannot retract older ones).
   *
   * @throws IOException as {@link #load(Path, StitchConfig)} does
   */
  public static IdentityGraph load(Path file, Builder builder) throws IOException {
    IdentityGraph g = builder.build();
    GraphFile.load(g, file);
    return g;
  }

  /** The graph's state, for {@link GraphFile}; used under the lock or before the graph is shared. */
  final class State {
    String[] typeNames() {
      return typeNames;
    }

    int slots() {
      return n;
    }

    int type(int i) {
      return type[i];
    }

    String value(int i) {
      return value[i];
    }

    int root(int i) {
      return parent[i] < 0 ? NONE : find(i);
    }

    long first(int i) {
      return first[i];
    }

    long last(int i) {
      return last[i];
    }

    float confidence(int i) {
      return conf[i];
    }

    boolean retains() {
      return retain;
    }

    int observationSlots() {
      return obsN;
    }

    @Nullable String observationId(int o) {
      return obsMembers[o] == RETRACTED ? null : obsId[o];
    }

    long observationTs(int o) {
      return obsTs[o];
    }

    String observationSource(int o) {
      return obsSource[o];
    }

    int[] observationMembers(int o) {
      return obsMembers[o];
    }

    long[] statistics() {
      long[] s = new long[3 + refusals.length];
      s[0] = observations;
      s[1] = merges;
      s[2] = emptyObservations;
      System.arraycopy(refusals, 0, s, 3, refusals.length);
      return s;
    }

    Map<Integer, int[]> junk() {
      Map<Integer, int[]> out = new HashMap<>();
      for (Map.Entry<Integer, JunkTrack> e : junk.entrySet()) {
        JunkTrack j = e.getValue();
        int[] a = new int[j.count + 1];
        a[0] = j.refusals;
        System.arraycopy(j.anchors, 0, a, 1, j.count);
        out.put(e.getKey(), a);
      }
      return out;
    }

    void restoreIdentifier(int t, String v, long f, long l, float c) {
      int id = intern(t, v);
      first[id] = f;
      last[id] = l;
      conf[id] = c;
    }

    /** Rebuilds the profiles from each slot's root (the roots are slots too). */
    void restoreRoots(int[] rootOf) {
      for (int i = 0; i < rootOf.length; i++) {
        int r = rootOf[i];
        if (r < 0) {
          continue;
        }
        if (parent[r] < 0) {
          long f = first[r];
          long l = last[r];
          float c = conf[r];
          revive(r, f);
          last[r] = l;
          conf[r] = c;
        }
        if (i != r) {
          long f = first[i];
          long l = last[i];
          float c = conf[i];
          revive(i, f);
          last[i] = l;
          conf[i] = c;
          union(r, i);
        }
      }
    }

    void restoreObservation(String id, long ts, String source, int[] members) {
      if (retain) {
        retainObservation(id, ts, source, members);
      }
    }

    void restoreStatistics(long[] s) {
      observations = s[0];
      merges = s[1];
      emptyObservations = s[2];
      System.arraycopy(s, 3, refusals, 0, Math.min(refusals.length, s.length - 3));
    }

    void restoreJunk(int id, int refused, int[] anchors) {
      JunkTrack j = new JunkTrack();
      j.refusals = refused;
      for (int a : anchors) {
        j.add(a);
      }
      junk.put(id, j);
    }
  }

  State state() {
    return new State();
  }

  /**
   * A builder of {@link IdentityGraph}.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private final StitchConfig config;
    private StitchListener listener = StitchListener.NONE;
    private boolean retain = true;

    private Builder(StitchConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** Sets the listener that receives merges, refusals and retractions (the merge log). */
    public Builder listener(StitchListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Whether to keep each observation's id, timestamp and stitched identifiers (default true),
     * which {@link IdentityGraph#retract} needs; without them memory is proportional to the
     * distinct identifiers only.
     */
    public Builder retainObservations(boolean retain) {
      this.retain = retain;
      return this;
    }

    /** Builds an empty graph. */
    public IdentityGraph build() {
      return new IdentityGraph(this);
    }
  }
}

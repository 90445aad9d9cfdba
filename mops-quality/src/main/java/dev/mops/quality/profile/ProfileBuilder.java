package dev.mops.quality.profile;

import dev.mops.core.FindingSink;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Record;
import dev.mops.core.record.Row;
import dev.mops.core.record.Schema;
import dev.mops.quality.contract.ContractRule;
import dev.mops.quality.contract.ContractValidator;
import dev.mops.quality.contract.ContractViolation;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.FieldSpec;
import dev.mops.quality.contract.LogicalType;
import dev.mops.quality.contract.RuleKind;
import dev.mops.quality.contract.ViolationSink;
import dev.mops.core.record.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A one-pass builder of a {@link QualityProfile}: feed it the records of one partition, then
 * {@link #build()}.
 *
 * <p>With a contract, each record is validated; every violation is counted under its rule, added
 * to the rule's bounded sample and passed to the {@link #onViolation} callback, and nothing else
 * about the record is kept. Keys of unique rules are kept (as 128-bit hashes) to count duplicates
 * exactly; a repeated key within this builder is reported as a {@code DUPLICATE_KEY} violation
 * (duplicates across partitions show up in the merged counts, not as row-level violations).
 *
 * <p>Settings ({@link #distinctLimit}, {@link #sampleSize}, {@link #asOf}, {@link #onViolation})
 * must be made before the first record. Thread safety: not thread-safe; use one builder per thread
 * or partition and {@link QualityProfile#merge} the results.
 */
public final class ProfileBuilder {

  /** Distinct values counted exactly (and top values kept) per field by default. */
  public static final int DEFAULT_DISTINCT_LIMIT = 10_000;
  /** The largest distinct limit allowed. */
  public static final int MAX_DISTINCT_LIMIT = 1_000_000;
  /** Failing values sampled per rule by default. */
  public static final int DEFAULT_SAMPLE_SIZE = 5;
  /** The largest sample size allowed. */
  public static final int MAX_SAMPLE_SIZE = 1000;

  private static final long SEED1 = 0x27d4eb2f165667c5L;
  private static final long SEED2 = 0x165667b19e3779f9L;

  private final @Nullable DataContract contract;
  private final @Nullable List<String> autoFields;
  private int distinctLimit = DEFAULT_DISTINCT_LIMIT;
  private int sampleSize = DEFAULT_SAMPLE_SIZE;
  private Instant asOf = Instant.EPOCH;
  private boolean asOfSet;
  private ViolationSink callback = ViolationSink.IGNORE;
  private @Nullable ProfileState state;
  private @Nullable ArrayRow row;
  private @Nullable Schema schema;
  private final Map<String, Integer> ruleIndex = new HashMap<>();
  private int[][] uniqueSlots = new int[0][];
  private int[] uniqueRules = new int[0];
  private final ViolationSink counter = this::count;

  ProfileBuilder(@Nullable DataContract contract, @Nullable List<String> autoFields) {
    this.contract = contract;
    this.autoFields = autoFields;
    if (autoFields != null && autoFields.isEmpty()) {
      throw new IllegalArgumentException("a profile needs at least one field");
    }
  }

  /** Sets how many distinct values per field are counted exactly (1..{@link #MAX_DISTINCT_LIMIT}). */
  public ProfileBuilder distinctLimit(int limit) {
    checkNotStarted();
    if (limit < 1 || limit > MAX_DISTINCT_LIMIT) {
      throw new IllegalArgumentException("distinct limit must be in 1.." + MAX_DISTINCT_LIMIT + ", got " + limit);
    }
    this.distinctLimit = limit;
    return this;
  }

  /** Sets how many distinct failing values each rule samples (0..{@link #MAX_SAMPLE_SIZE}). */
  public ProfileBuilder sampleSize(int size) {
    checkNotStarted();
    if (size < 0 || size > MAX_SAMPLE_SIZE) {
      throw new IllegalArgumentException("sample size must be in 0.." + MAX_SAMPLE_SIZE + ", got " + size);
    }
    this.sampleSize = size;
    return this;
  }

  /**
   * Sets the {@code now} of cross-field rules that compare times with it (required when the
   * contract has such rules).
   */
  public ProfileBuilder asOf(Instant now) {
    checkNotStarted();
    this.asOf = Objects.requireNonNull(now, "now");
    this.asOfSet = true;
    return this;
  }

  /** Sets the callback that receives every row-level violation as it is found. */
  public ProfileBuilder onViolation(ViolationSink sink) {
    checkNotStarted();
    this.callback = Objects.requireNonNull(sink, "sink");
    return this;
  }

  private void checkNotStarted() {
    if (state != null) {
      throw new IllegalStateException("settings must be made before the first record");
    }
  }

  private ProfileState start() {
    ProfileState s = state;
    if (s != null) {
      return s;
    }
    if (contract != null) {
      if (contract.validator().usesClock() && !asOfSet) {
        throw new IllegalStateException("contract '" + contract.name() + "' has rules that compare times with now; call asOf(now) first");
      }
      s = ProfileState.forContract(contract, distinctLimit, sampleSize);
      schema = contract.schema();
      List<int[]> slots = new ArrayList<>();
      List<Integer> rules = new ArrayList<>();
      List<ContractRule> all = contract.rules();
      for (int i = 0; i < all.size(); i++) {
        ruleIndex.put(all.get(i).id(), i);
        if (all.get(i).kind() == RuleKind.UNIQUE) {
          List<String> f = all.get(i).fields();
          int[] sl = new int[f.size()];
          for (int j = 0; j < sl.length; j++) {
            sl[j] = schema.slot(f.get(j));
          }
          slots.add(sl);
          rules.add(i);
        }
      }
      uniqueSlots = slots.toArray(new int[0][]);
      uniqueRules = rules.stream().mapToInt(Integer::intValue).toArray();
    } else {
      List<FieldSpec> specs = new ArrayList<>();
      List<String> names = Objects.requireNonNull(autoFields, "a profile without a contract has field names");
      for (String f : names) {
        specs.add(FieldSpec.of(f, LogicalType.NUMBER, false));
      }
      s = new ProfileState("profile", "", specs, true, List.of(), List.of(), distinctLimit, sampleSize);
      schema = Schema.of(names);
    }
    row = new ArrayRow(schema);
    state = s;
    return s;
  }

  /** Returns the schema rows given to {@link #addRow(Row)} must be of. */
  public Schema schema() {
    start();
    return Objects.requireNonNull(schema);
  }

  /** Adds one record. */
  public ProfileBuilder add(Record record) {
    ProfileState s = start();
    ArrayRow reused = Objects.requireNonNull(row);
    Objects.requireNonNull(schema).fill(reused, record, FindingSink.IGNORE);
    accept(s, reused);
    return this;
  }

  /** Adds one row of {@link #schema()} (the hot path: no copying; a reused row may be refilled afterwards). */
  public ProfileBuilder addRow(Row r) {
    ProfileState s = start();
    int size = Objects.requireNonNull(schema).size();
    if (r.schema().size() != size) {
      throw new IllegalArgumentException("row has " + r.schema().size() + " fields, the profile " + size);
    }
    accept(s, r);
    return this;
  }

  private void accept(ProfileState s, Row r) {
    s.rows++;
    FieldState[] fs = s.fieldStates;
    for (int i = 0; i < fs.length; i++) {
      fs[i].add(r.get(i));
    }
    if (contract != null) {
      contract.validator().validate(r, asOf, counter);
      for (int u = 0; u < uniqueRules.length; u++) {
        addKey(s, uniqueRules[u], uniqueSlots[u], r);
      }
    }
  }

  private void addKey(ProfileState s, int rule, int[] slots, Row r) {
    long h1 = 0;
    long h2 = 0;
    String shown = null;
    for (int slot : slots) {
      Object v = r.get(slot);
      if (v == null || Values.isEmpty(v)) {
        return;
      }
      String t = v instanceof String string ? string : String.valueOf(Values.asString(v));
      h1 = Hashing.fmix(h1 * 31 + Hashing.hash(t, SEED1));
      h2 = Hashing.fmix(h2 * 37 + Hashing.hash(t, SEED2));
      shown = shown == null ? t : shown + " | " + t;
    }
    s.keyedRows[rule]++;
    if (!s.keys[rule].add(h1, h2)) {
      ContractRule cr = Objects.requireNonNull(contract).rules().get(rule);
      String key = Objects.requireNonNull(shown, "a unique rule has fields");
      ContractViolation v = new ContractViolation(cr.field(), cr.id(), "DUPLICATE_KEY", cr.severity(), key,
          "duplicate key " + String.join(" + ", cr.fields()) + " = " + key);
      s.samples[rule].add(key);
      callback.accept(v);
    }
  }

  private void count(ContractViolation v) {
    Integer i = ruleIndex.get(v.rule());
    if (i != null) {
      ProfileState s = Objects.requireNonNull(state);
      s.failures[i]++;
      s.samples[i].add(v.rawValue() == null ? "(missing)" : v.rawValue());
    }
    callback.accept(v);
  }

  /** Returns the profile of the records added so far (the builder can go on). */
  public QualityProfile build() {
    return new QualityProfile(start().copy());
  }
}

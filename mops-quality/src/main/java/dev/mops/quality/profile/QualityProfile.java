package dev.mops.quality.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.FieldSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A quality profile of a dataset (or of one partition of it): per-field statistics and per-rule
 * failure counts, built in one pass and mergeable with the profile of another partition.
 *
 * <p>{@link #merge} is associative and commutative: counts, exact distinct values, key sets,
 * distinct sketches (DataSketches CPC, read in union form), min/max and DDSketch bins combine exactly; the mean and standard deviation
 * combine by Chan's formula and agree up to floating-point rounding. Scores are computed from a
 * merged profile ({@link QualityReport#of}), never averaged across partitions. A profile
 * serializes to JSON ({@link #toJson}) so partial profiles can be stored and merged later.
 *
 * <p>Limits, fixed when the builder is made and checked on merge: distinct values are counted
 * exactly (and top values kept) up to {@link ProfileBuilder#DEFAULT_DISTINCT_LIMIT} per field by
 * default, estimated by a DataSketches CPC sketch (about 0.5% error) beyond; each rule keeps a sample of at most
 * {@link ProfileBuilder#DEFAULT_SAMPLE_SIZE} distinct failing values. Keys of unique rules are kept
 * as 128-bit hashes, all of them, so duplicates are counted exactly (16 bytes per distinct key).
 *
 * <p>Thread safety: immutable and safe to share.
 */
public final class QualityProfile {

  /**
   * The reader of profile JSON. A unique rule's keys travel as one base64 string (about 21 bytes a
   * key), which Jackson's default 20 MB string limit refuses past about 950,000 distinct keys, so the
   * limit is lifted to the largest Java string (about 100 million keys a rule).
   */
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build())
      .enable(SerializationFeature.INDENT_OUTPUT);

  final ProfileState state;

  QualityProfile(ProfileState state) {
    this.state = state;
  }

  /** Returns a builder of a profile checked against {@code contract}. */
  public static ProfileBuilder builder(DataContract contract) {
    return new ProfileBuilder(Objects.requireNonNull(contract, "contract"), null);
  }

  /** Returns a builder of a profile without a contract: the given fields, their types inferred. */
  public static ProfileBuilder builder(List<String> fieldNames) {
    return new ProfileBuilder(null, List.copyOf(fieldNames));
  }

  /**
   * Returns the profile of both partitions: this one and {@code other}.
   *
   * @throws IllegalArgumentException when the profiles are of different contracts, fields or limits
   */
  public QualityProfile merge(QualityProfile other) {
    ProfileState s = state.copy();
    s.mergeFrom(other.state);
    return new QualityProfile(s);
  }

  /** Returns the merge of profiles (an empty list is not allowed). */
  public static QualityProfile mergeAll(List<QualityProfile> profiles) {
    if (profiles.isEmpty()) {
      throw new IllegalArgumentException("no profiles to merge");
    }
    ProfileState s = profiles.get(0).state.copy();
    for (int i = 1; i < profiles.size(); i++) {
      s.mergeFrom(profiles.get(i).state);
    }
    return new QualityProfile(s);
  }

  /** Returns the name of the contract profiled against, or {@code profile} without one. */
  public String contractName() {
    return state.contractName;
  }

  /** Returns the content hash of the contract, or {@code ""} without one. */
  public String contractHash() {
    return state.contractHash;
  }

  /** Returns whether the profile was built without a contract. */
  public boolean withoutContract() {
    return state.auto;
  }

  /** Returns the number of records profiled. */
  public long rows() {
    return state.rows;
  }

  /** Returns the profiled field names, in order. */
  public List<String> fieldNames() {
    return state.fieldNames();
  }

  /** Returns the statistics of each field, in order. */
  public List<FieldProfile> fields() {
    List<FieldProfile> out = new ArrayList<>();
    for (FieldState f : state.fieldStates) {
      out.add(FieldProfile.of(f, state.ruleIds, state.failures));
    }
    return Collections.unmodifiableList(out);
  }

  /** Returns the statistics of the named field, or {@code null}. */
  public @Nullable FieldProfile field(String name) {
    for (FieldState f : state.fieldStates) {
      if (f.spec.name().equals(name)) {
        return FieldProfile.of(f, state.ruleIds, state.failures);
      }
    }
    return null;
  }

  /** Returns the number of rows that failed a record-level rule (0 for other kinds). */
  public long failures(String ruleId) {
    int i = state.ruleIndex(ruleId);
    if (i < 0) {
      throw new IllegalArgumentException("no rule '" + ruleId + "' in this profile");
    }
    return state.failures[i];
  }

  /** Returns the duplicate rows of a unique rule: keyed rows minus distinct keys, exactly. */
  public long duplicates(String ruleId) {
    int i = state.ruleIndex(ruleId);
    if (i < 0 || state.keys[i] == null) {
      throw new IllegalArgumentException("no unique rule '" + ruleId + "' in this profile");
    }
    return state.keyedRows[i] - state.keys[i].size();
  }

  /** Returns the rows with a complete key for a unique rule. */
  public long keyedRows(String ruleId) {
    int i = state.ruleIndex(ruleId);
    if (i < 0 || state.keys[i] == null) {
      throw new IllegalArgumentException("no unique rule '" + ruleId + "' in this profile");
    }
    return state.keyedRows[i];
  }

  /** Returns the sample of failing values of a rule (at most the sample size, sorted). */
  public List<String> samples(String ruleId) {
    int i = state.ruleIndex(ruleId);
    if (i < 0) {
      throw new IllegalArgumentException("no rule '" + ruleId + "' in this profile");
    }
    return List.copyOf(state.samples[i].values());
  }

  /** Returns the profile as JSON (the format {@link #fromJson} reads; canonical key and value order). */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    state.write(root);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write profile", e);
    }
  }

  /**
   * Reads a profile written by {@link #toJson}.
   *
   * @throws IllegalArgumentException when the text is not such a profile
   */
  public static QualityProfile fromJson(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      return new QualityProfile(ProfileState.read(root));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a valid mops quality profile: " + e.getMessage(), e);
    }
  }

  /** Returns a starter native contract (YAML) suggested from what this profile saw. */
  public String suggestContract(String contractName) {
    return ContractSuggestion.suggest(this, contractName);
  }

  List<FieldSpec> specs() {
    return state.fields;
  }

  @Override
  public String toString() {
    return "QualityProfile[" + state.contractName + ", " + state.rows + " rows, " + state.fields.size() + " fields]";
  }
}

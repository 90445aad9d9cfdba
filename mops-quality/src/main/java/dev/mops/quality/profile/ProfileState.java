package dev.mops.quality.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mops.quality.contract.ContractRule;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.FieldSpec;
import dev.mops.quality.contract.LogicalType;
import dev.mops.quality.contract.RuleKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole mergeable state of a profile: identity (contract, fields, rules, limits), row count,
 * field states, failures and samples per rule, and key sets of unique rules.
 *
 * <p>Thread safety: not thread-safe.
 */
final class ProfileState {

  /**
   * The format written; {@code /1} (before distinct sketches were DataSketches CPC) is still read
   * when no field holds a sketch.
   */
  static final String FORMAT = "mops-quality-profile/2";

  final String contractName;
  final String contractHash;
  final List<FieldSpec> fields;
  final boolean auto;
  final List<String> ruleIds;
  final List<RuleKind> ruleKinds;
  final int distinctLimit;
  final int sampleSize;
  long rows;
  final FieldState[] fieldStates;
  final long[] failures;
  final Samples[] samples;
  final KeySet[] keys;
  final long[] keyedRows;

  ProfileState(String contractName, String contractHash, List<FieldSpec> fields, boolean auto, List<String> ruleIds,
      List<RuleKind> ruleKinds, int distinctLimit, int sampleSize) {
    this.contractName = contractName;
    this.contractHash = contractHash;
    this.fields = List.copyOf(fields);
    this.auto = auto;
    this.ruleIds = List.copyOf(ruleIds);
    this.ruleKinds = List.copyOf(ruleKinds);
    this.distinctLimit = distinctLimit;
    this.sampleSize = sampleSize;
    this.fieldStates = new FieldState[fields.size()];
    for (int i = 0; i < fieldStates.length; i++) {
      fieldStates[i] = new FieldState(fields.get(i), auto, distinctLimit);
    }
    int r = ruleIds.size();
    failures = new long[r];
    samples = new Samples[r];
    keys = new KeySet[r];
    keyedRows = new long[r];
    for (int i = 0; i < r; i++) {
      samples[i] = new Samples(sampleSize);
      if (ruleKinds.get(i) == RuleKind.UNIQUE) {
        keys[i] = new KeySet();
      }
    }
  }

  static ProfileState forContract(DataContract c, int distinctLimit, int sampleSize) {
    List<String> ids = new ArrayList<>();
    List<RuleKind> kinds = new ArrayList<>();
    for (ContractRule r : c.rules()) {
      ids.add(r.id());
      kinds.add(r.kind());
    }
    return new ProfileState(c.name(), c.contentHash(), c.fields(), false, ids, kinds, distinctLimit, sampleSize);
  }

  ProfileState emptyCopy() {
    return new ProfileState(contractName, contractHash, fields, auto, ruleIds, ruleKinds, distinctLimit, sampleSize);
  }

  ProfileState copy() {
    ProfileState s = emptyCopy();
    s.mergeFrom(this);
    return s;
  }

  void checkCompatible(ProfileState o) {
    if (!contractHash.equals(o.contractHash) || auto != o.auto || !ruleIds.equals(o.ruleIds)
        || distinctLimit != o.distinctLimit || sampleSize != o.sampleSize || !fieldNames().equals(o.fieldNames())) {
      throw new IllegalArgumentException("cannot merge profiles of different contracts, fields or limits: '"
          + contractName + "' " + contractHash + " " + fieldNames() + " vs '" + o.contractName + "' " + o.contractHash + " " + o.fieldNames());
    }
  }

  List<String> fieldNames() {
    List<String> out = new ArrayList<>();
    for (FieldSpec f : fields) {
      out.add(f.name());
    }
    return out;
  }

  void mergeFrom(ProfileState o) {
    checkCompatible(o);
    rows += o.rows;
    for (int i = 0; i < fieldStates.length; i++) {
      fieldStates[i].merge(o.fieldStates[i]);
    }
    for (int i = 0; i < failures.length; i++) {
      failures[i] += o.failures[i];
      samples[i].merge(o.samples[i]);
      keyedRows[i] += o.keyedRows[i];
      if (keys[i] != null) {
        keys[i].addAll(o.keys[i]);
      }
    }
  }

  void write(ObjectNode root) {
    root.put("format", FORMAT);
    root.put("contract", contractName);
    root.put("contractHash", contractHash);
    root.put("distinctLimit", distinctLimit);
    root.put("sampleSize", sampleSize);
    root.put("rows", rows);
    ArrayNode fs = root.putArray("fields");
    for (FieldState f : fieldStates) {
      ObjectNode o = fs.addObject();
      f.write(o);
      if (!auto && f.spec.format() != null) {
        o.put("format", f.spec.format());
      }
      if (!auto && !f.spec.zone().getId().equals("Z")) {
        o.put("zone", f.spec.zone().getId());
      }
    }
    ArrayNode rs = root.putArray("rules");
    for (int i = 0; i < ruleIds.size(); i++) {
      ObjectNode o = rs.addObject();
      o.put("id", ruleIds.get(i));
      o.put("kind", ruleKinds.get(i).label());
      o.put("failures", failures[i]);
      ArrayNode sv = o.putArray("samples");
      samples[i].values().forEach(sv::add);
      if (keys[i] != null) {
        o.put("keyedRows", keyedRows[i]);
        o.put("distinctKeys", keys[i].size());
        o.put("keys", keys[i].encode());
      }
    }
  }

  static ProfileState read(JsonNode root) {
    String format = root.path("format").asText();
    if (!FORMAT.equals(format) && !"mops-quality-profile/1".equals(format)) {
      throw new IllegalArgumentException("not a mops quality profile (format " + FORMAT + "), found format '"
          + format + "'");
    }
    List<FieldSpec> fields = new ArrayList<>();
    boolean auto = false;
    for (JsonNode f : root.path("fields")) {
      String type = f.path("type").asText();
      auto = type.equals("auto");
      java.time.ZoneId zone = f.has("zone") ? java.time.ZoneId.of(f.path("zone").asText()) : java.time.ZoneOffset.UTC;
      fields.add(new FieldSpec(f.path("name").asText(), auto ? LogicalType.NUMBER : LogicalType.parse(type), false,
          f.has("format") ? f.path("format").asText() : null, zone, ""));
    }
    List<String> ids = new ArrayList<>();
    List<RuleKind> kinds = new ArrayList<>();
    for (JsonNode r : root.path("rules")) {
      ids.add(r.path("id").asText());
      kinds.add(RuleKind.valueOf(r.path("kind").asText().toUpperCase(java.util.Locale.ROOT)));
    }
    ProfileState s = new ProfileState(root.path("contract").asText(), root.path("contractHash").asText(), fields, auto, ids,
        kinds, root.path("distinctLimit").asInt(), root.path("sampleSize").asInt());
    s.rows = root.path("rows").asLong();
    int i = 0;
    for (JsonNode f : root.path("fields")) {
      s.fieldStates[i] = FieldState.read(f, fields.get(i), auto, s.distinctLimit);
      i++;
    }
    i = 0;
    for (JsonNode r : root.path("rules")) {
      s.failures[i] = r.path("failures").asLong();
      for (JsonNode v : r.path("samples")) {
        s.samples[i].add(v.asText());
      }
      if (s.keys[i] != null) {
        s.keyedRows[i] = r.path("keyedRows").asLong();
        s.keys[i] = KeySet.decode(r.path("keys").asText());
      }
      i++;
    }
    return s;
  }

  int ruleIndex(String id) {
    return ruleIds.indexOf(Objects.requireNonNull(id));
  }
}

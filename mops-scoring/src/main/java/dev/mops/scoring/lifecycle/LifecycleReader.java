package dev.mops.scoring.lifecycle;

import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.Condition;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.MapNode;
import dev.mops.core.record.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reader of lifecycle files: checks the YAML document (stages and their entry criteria, the
 * recycled and disqualified stages, closed stages, reason codes, allowed moves) and builds a
 * {@link LifecycleModel}, failing with file, line, column and path on the first problem. The value
 * type itself holds no parsing.
 *
 * <p>Thread safety: stateless.
 */
final class LifecycleReader {

  private static final List<String> KEYS =
      List.of("version", "name", "description", "stages", "recycled_stage", "disqualified_stage", "recycle_to",
          "closed", "allow_skip", "reason_codes", "allow");

  private LifecycleReader() {}

  static LifecycleModel read(ConfigDocument doc, Schema facts) {
    MapNode root = doc.root().checkKeys(KEYS);
    List<Stage> stages = new ArrayList<>();
    List<@Nullable CompiledCondition> compiled = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    ConfigNode stagesNode = root.get("stages");
    if (stagesNode == null) {
      for (String n : LifecycleModel.DEFAULT_STAGES) {
        names.add(n);
        stages.add(new Stage(n, stages.size(), null));
        compiled.add(null);
      }
    } else {
      for (ConfigNode item : stagesNode.asList("stages").items()) {
        MapNode m = item.asMap("a stage").checkKeys(List.of("name", "description", "entry"));
        String n = m.string("name");
        if (n.isBlank() || !names.add(n)) {
          throw m.require("name", "").error(n.isBlank() ? "stage name must not be blank" : "duplicate stage '" + n + "'");
        }
        Condition c = null;
        CompiledCondition cc = null;
        ConfigNode en = m.get("entry");
        if (en != null) {
          c = ConditionYaml.read(en, facts);
          try {
            cc = CompiledCondition.compile(c, facts);
          } catch (IllegalArgumentException e) {
            throw en.error(e.getMessage());
          }
        }
        stages.add(new Stage(n, stages.size(), c));
        compiled.add(cc);
      }
      if (stages.size() < 2) {
        throw stagesNode.error("expected at least two stages");
      }
    }
    String recycled = root.string("recycled_stage", "recycled");
    String disqualified = root.string("disqualified_stage", "disqualified");
    if (names.contains(recycled) || names.contains(disqualified) || recycled.equals(disqualified)) {
      throw root.error("the recycled and disqualified stages must differ from each other and from the funnel stages");
    }
    String recycleTo = root.string("recycle_to", stages.get(Math.min(1, stages.size() - 1)).name());
    int recycleIndex = indexOf(stages, recycleTo);
    if (recycleIndex < 0) {
      throw root.require("recycle_to", "").error("unknown stage '" + recycleTo + "', expected one of " + names);
    }
    Set<String> closed = new LinkedHashSet<>();
    ConfigNode closedNode = root.get("closed");
    if (closedNode == null) {
      for (String d : List.of("customer", "evangelist")) {
        if (names.contains(d)) {
          closed.add(d);
        }
      }
    } else {
      for (ConfigNode c : closedNode.asList("stage names").items()) {
        String n = c.asText("a stage name");
        if (!names.contains(n)) {
          throw c.error("unknown stage '" + n + "', expected one of " + names);
        }
        closed.add(n);
      }
    }
    Set<String> reasons = new LinkedHashSet<>(LifecycleModel.DEFAULT_REASON_CODES);
    ConfigNode rn = root.get("reason_codes");
    if (rn != null) {
      reasons = new LinkedHashSet<>(rn.asList("reason codes").strings());
      if (reasons.isEmpty()) {
        throw rn.error("expected at least one reason code");
      }
    }
    Set<String> allowed = new LinkedHashSet<>();
    ConfigNode an = root.get("allow");
    if (an != null) {
      Set<String> all = new LinkedHashSet<>(names);
      all.add(recycled);
      all.add(disqualified);
      for (ConfigNode item : an.asList("allowed moves").items()) {
        MapNode m = item.asMap("a move {from, to}").checkKeys(List.of("from", "to"));
        for (String k : List.of("from", "to")) {
          if (!all.contains(m.string(k))) {
            throw m.require(k, "").error("unknown stage '" + m.string(k) + "', expected one of " + all);
          }
        }
        allowed.add(m.string("from") + "\u0000" + m.string("to"));
      }
    }
    return new LifecycleModel(doc.version(), doc.contentHash(), stages, compiled.toArray(new CompiledCondition[0]),
        recycled, disqualified, recycleIndex, closed, root.bool("allow_skip", true), reasons, allowed);
  }

  private static int indexOf(List<Stage> stages, String name) {
    for (Stage s : stages) {
      if (s.name().equals(name)) {
        return s.order();
      }
    }
    return -1;
  }
}

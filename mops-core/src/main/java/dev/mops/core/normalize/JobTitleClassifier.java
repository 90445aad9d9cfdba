package dev.mops.core.normalize;

import dev.mops.core.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A classifier of free-text English job titles into a {@link Seniority} and a {@link Department},
 * driven by rules kept as data.
 *
 * <p>The title is folded (case, accents), split into words, and abbreviations are expanded
 * ({@code CMO}, {@code VP Mktg}, {@code Sr. Dir.}, {@code Demand Gen}); then the first seniority
 * rule and the first department rule, in rule order, whose phrase occurs in the title decide. The
 * bundled rules ({@code title-rules.txt}, documented in its header) can be extended with a team's
 * own rules, which come first, or replaced.
 *
 * <pre>{@code
 * JobTitleClassifier titles = JobTitleClassifier.builder().build();
 * JobTitle t = titles.classify("VP Mktg");
 * t.seniority();   // VP
 * t.department();  // MARKETING
 * titles.classify("Head of Demand Gen").seniority();  // DIRECTOR
 * }</pre>
 *
 * <p>Thread safety: immutable and thread-safe.
 */
public final class JobTitleClassifier {

  /** Longest title read, in chars; longer titles are cut to this length before matching. */
  public static final int MAX_LENGTH = 300;

  private final String field;
  private final Rules rules;
  private final RuleIndex<Seniority> seniorityIndex;
  private final RuleIndex<Department> departmentIndex;

  /** One phrase: pieces of consecutive words, in order, with any words between pieces. */
  record Phrase(String text, List<List<String>> pieces) {

    boolean matches(List<String> words) {
      int at = 0;
      for (List<String> piece : pieces) {
        int found = indexOf(words, piece, at);
        if (found < 0) {
          return false;
        }
        at = found + piece.size();
      }
      return true;
    }

    private static int indexOf(List<String> words, List<String> piece, int from) {
      int n = piece.size();
      outer:
      for (int i = from; i + n <= words.size(); i++) {
        for (int j = 0; j < n; j++) {
          if (!words.get(i + j).equals(piece.get(j))) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }

    String firstWord() {
      return pieces.get(0).get(0);
    }
  }

  record Rule<T>(T value, Phrase phrase) {}

  /** Rules in order, indexed by their phrase's first word; the first matching in order wins. */
  record RuleIndex<T>(List<Rule<T>> rules, Map<String, int[]> byFirstWord) {

    static <T> RuleIndex<T> of(List<Rule<T>> rules) {
      Map<String, List<Integer>> byWord = new HashMap<>();
      for (int i = 0; i < rules.size(); i++) {
        byWord.computeIfAbsent(rules.get(i).phrase().firstWord(), k -> new ArrayList<>()).add(i);
      }
      Map<String, int[]> out = new HashMap<>();
      byWord.forEach((w, list) -> out.put(w, list.stream().mapToInt(Integer::intValue).toArray()));
      return new RuleIndex<>(rules, Map.copyOf(out));
    }

    @Nullable Rule<T> first(List<String> words) {
      int best = Integer.MAX_VALUE;
      for (int w = 0; w < words.size(); w++) {
        int[] candidates = byFirstWord.get(words.get(w));
        if (candidates == null) {
          continue;
        }
        for (int index : candidates) {
          if (index >= best) {
            break; // ascending: nothing earlier left for this word
          }
          if (rules.get(index).phrase().matches(words)) {
            best = index;
            break;
          }
        }
      }
      return best == Integer.MAX_VALUE ? null : rules.get(best);
    }
  }

  record Rules(
      Map<String, List<String>> expansions,
      List<Rule<Seniority>> seniority,
      List<Rule<Department>> department) {

    Rules then(Rules later) {
      Map<String, List<String>> exp = new HashMap<>(later.expansions);
      exp.putAll(expansions);
      List<Rule<Seniority>> s = new ArrayList<>(seniority);
      s.addAll(later.seniority);
      List<Rule<Department>> d = new ArrayList<>(department);
      d.addAll(later.department);
      return new Rules(Map.copyOf(exp), List.copyOf(s), List.copyOf(d));
    }
  }

  private JobTitleClassifier(Builder b) {
    this.field = b.field;
    Rules base = b.rules != null ? b.rules : Defaults.RULES;
    this.rules = b.extra != null ? b.extra.then(base) : base;
    this.seniorityIndex = RuleIndex.of(rules.seniority());
    this.departmentIndex = RuleIndex.of(rules.department());
  }

  /** Returns a new builder with the bundled rules and field {@code title}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Classifies one title. Never throws on bad data. */
  public JobTitle classify(@Nullable CharSequence title) {
    if (title == null) {
      return new JobTitle("", "", Seniority.UNKNOWN, Department.OTHER, null, null, List.of());
    }
    String original = title.toString();
    String text = original.length() > MAX_LENGTH ? original.substring(0, MAX_LENGTH) : original;
    List<String> words = words(text, rules.expansions());
    if (words.isEmpty()) {
      return new JobTitle(original, "", Seniority.UNKNOWN, Department.OTHER, null, null,
          List.of());
    }
    Rule<Seniority> s = seniorityIndex.first(words);
    Rule<Department> d = departmentIndex.first(words);
    List<Finding> findings = s == null && d == null
        ? List.of(Finding.info("TITLE_UNCLASSIFIED", field, original,
            "no rule recognized the title's seniority or department"))
        : List.of();
    return new JobTitle(original, TextFolding.join(words, 0, words.size()),
        s == null ? Seniority.UNKNOWN : s.value(),
        d == null ? Department.OTHER : d.value(),
        s == null ? null : s.phrase().text(),
        d == null ? null : d.phrase().text(),
        findings);
  }

  private static List<String> words(String text, Map<String, List<String>> expansions) {
    List<String> tokens = TextFolding.tokens(text);
    List<String> out = new ArrayList<>(tokens.size() + 2);
    for (String t : tokens) {
      List<String> exp = expansions.get(t);
      if (exp != null) {
        out.addAll(exp);
      } else {
        out.add(t);
      }
    }
    return out;
  }

  static Rules parse(DataFile file) {
    Map<String, List<String>> expansions = new HashMap<>();
    List<Rule<Seniority>> seniority = new ArrayList<>();
    List<Rule<Department>> department = new ArrayList<>();
    for (DataFile.Line line : file.lines()) {
      String text = line.text();
      if (text.startsWith("expand ")) {
        int eq = text.indexOf('=');
        List<String> from = eq > 0 ? TextFolding.tokens(text.substring(7, eq)) : List.of();
        List<String> to = eq > 0 ? TextFolding.tokens(text.substring(eq + 1)) : List.of();
        if (from.size() != 1 || to.isEmpty()) {
          throw line.error("expected 'expand <word> = <words>', found '" + text + "'");
        }
        expansions.put(from.get(0), List.copyOf(to));
      } else if (text.startsWith("seniority ") || text.startsWith("department ")) {
        boolean isSeniority = text.startsWith("seniority ");
        int colon = text.indexOf(':');
        if (colon < 0) {
          throw line.error("expected '" + (isSeniority ? "seniority" : "department")
              + " <NAME>: <phrase>', found '" + text + "'");
        }
        String name = text.substring(isSeniority ? 10 : 11, colon).strip()
            .toUpperCase(Locale.ROOT);
        Phrase phrase = phrase(line, text.substring(colon + 1));
        try {
          if (isSeniority) {
            seniority.add(new Rule<>(Seniority.valueOf(name), phrase));
          } else {
            department.add(new Rule<>(Department.valueOf(name), phrase));
          }
        } catch (IllegalArgumentException e) {
          throw line.error("unknown " + (isSeniority ? "seniority" : "department") + " '" + name
              + "', expected one of " + java.util.Arrays.toString(
                  isSeniority ? Seniority.values() : Department.values()));
        }
      } else {
        throw line.error("expected a line starting with expand, seniority or department, found '"
            + text + "'");
      }
    }
    return new Rules(Map.copyOf(expansions), List.copyOf(seniority), List.copyOf(department));
  }

  private static Phrase phrase(DataFile.Line line, String text) {
    List<List<String>> pieces = new ArrayList<>();
    for (String piece : text.split("\\.\\.\\.", -1)) {
      List<String> words = TextFolding.tokens(piece);
      if (words.isEmpty()) {
        throw line.error("empty phrase or '...' at an end in '" + text.strip() + "'");
      }
      pieces.add(List.copyOf(words));
    }
    return new Phrase(text.strip(), List.copyOf(pieces));
  }

  @Override
  public String toString() {
    return "JobTitleClassifier{field=" + field + ", seniorityRules=" + rules.seniority().size()
        + ", departmentRules=" + rules.department().size() + ", expansions="
        + rules.expansions().size() + "}";
  }

  /** The bundled rules, loaded once. */
  private static final class Defaults {
    static final Rules RULES = parse(DataFile.resource("title-rules.txt"));
  }

  /**
   * A builder of {@link JobTitleClassifier}s. Each option can be set once.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String field = "title";
    private boolean fieldSet;
    private @Nullable Rules rules;
    private @Nullable Rules extra;

    private Builder() {}

    /** Sets the field name written in findings (default {@code title}). */
    public Builder field(String field) {
      Checks.checkNotSet(fieldSet, "field");
      this.field = Checks.checkFieldName(field);
      fieldSet = true;
      return this;
    }

    /**
     * Replaces the bundled rules with those in {@code file} (the format of
     * {@code title-rules.txt}).
     *
     * @throws dev.mops.core.config.ConfigException naming the line when one is malformed
     */
    public Builder rules(Path file) {
      Checks.checkNotSet(rules != null, "rules");
      rules = parse(DataFile.file(file));
      return this;
    }

    /**
     * Adds rules from {@code file} that come before the bundled ones (or those given to
     * {@link #rules}), so they win; their expansions win too.
     *
     * @throws dev.mops.core.config.ConfigException naming the line when one is malformed
     */
    public Builder extraRules(Path file) {
      Checks.checkNotSet(extra != null, "extraRules");
      extra = parse(DataFile.file(file));
      return this;
    }

    /** Adds rules given as lines in the file format; they come first, as with {@link #extraRules(Path)}. */
    public Builder extraRules(Collection<String> lines) {
      Checks.checkNotSet(extra != null, "extraRules");
      extra = parse(DataFile.entries("extraRules", lines));
      return this;
    }

    /** Returns a new classifier with these rules. */
    public JobTitleClassifier build() {
      return new JobTitleClassifier(this);
    }
  }
}

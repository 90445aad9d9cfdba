package dev.mops.core.condition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.ListNode;
import dev.mops.core.config.ConfigNode.MapNode;
import dev.mops.core.config.ConfigNode.ScalarNode;
import dev.mops.core.record.Schema;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The YAML/JSON form of conditions: reading with positions in errors, and writing back.
 *
 * <p>A condition is a map with one operator key, or the scalar {@code true}/{@code false}:
 *
 * <pre>
 * all:
 *   - eq: {field: country, value: US}
 *   - any:
 *       - in: {field: industry, values: [Software, SaaS], ignore_case: true}
 *       - gte: {field: employees, value: 200}
 *   - not: {ends_with: {field: email, value: "@gmail.com", ignore_case: true}}
 *   - matches: {field: title, pattern: "(?i)^(vp|head)\\b"}
 *   - between: {field: score, low: 50, high: 80}
 *   - within_last: {field: last_visit, duration: 30d}
 *   - exists: phone
 * </pre>
 *
 * <p>Operators: {@code all, any} (a list), {@code not} (a condition), {@code eq, ne} ({@code field,
 * value, ignore_case}), {@code in, not_in} ({@code field, values, ignore_case}), {@code contains,
 * starts_with, ends_with} ({@code field, value, ignore_case}), {@code matches} ({@code field,
 * pattern}), {@code gt, gte, lt, lte, before, after} ({@code field, value}), {@code between}
 * ({@code field, low, high}), {@code exists, is_empty} ({@code field}, or the field name alone),
 * {@code within_last, older_than} ({@code field, duration}: ISO-8601 such as {@code P30D} or
 * {@code PT12H}, or {@code 30d}, {@code 12h}, {@code 15m}, {@code 45s}, {@code 2w}), {@code
 * list_contains_any, list_contains_all} ({@code field, values, ignore_case}). {@code ne} and {@code
 * not_in} read as {@code not} of {@code eq} and {@code in}; {@code before} and {@code after} as
 * {@code lt} and {@code gt}.
 *
 * <p>Thread safety: stateless, safe to call from any thread.
 */
public final class ConditionYaml {

  /** Every operator keyword the reader accepts. */
  public static final Set<String> OPERATORS =
      Set.of(
          "all", "any", "not", "eq", "ne", "in", "not_in", "contains", "starts_with", "ends_with",
          "matches", "gt", "gte", "lt", "lte", "before", "after", "between", "exists", "is_empty",
          "within_last", "older_than", "list_contains_any", "list_contains_all");

  private static final ObjectMapper YAML_WRITER =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .build());

  private static final ObjectMapper JSON_WRITER = new ObjectMapper();

  private ConditionYaml() {}

  /**
   * Reads a condition from a standalone YAML (or JSON) text whose root is the condition.
   *
   * @param source the name to give in errors
   * @throws ConfigException naming line, column and path when the text is not a condition
   */
  public static Condition parse(String source, String text) {
    return read(ConfigLoader.standard().parseNode(source, text), null);
  }

  /**
   * Reads a condition from a configuration node.
   *
   * @param node the node holding the condition
   * @param schema when not null, every field the condition reads must be in it
   * @throws ConfigException naming line, column and path when the node is not a valid condition
   */
  public static Condition read(ConfigNode node, @Nullable Schema schema) {
    return new Reader(schema).read(node);
  }

  /** Returns the condition as plain maps, lists and scalars, ready for any YAML/JSON writer. */
  public static Object toPlain(Condition condition) {
    return condition.accept(new Writer());
  }

  /** Returns the condition as YAML text that {@link #parse} reads back to an equal condition. */
  public static String toYaml(Condition condition) {
    try {
      return YAML_WRITER.writeValueAsString(toPlain(condition));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write condition as YAML", e);
    }
  }

  /** Returns the condition as one line of JSON that {@link #parse} reads back. */
  public static String toJson(Condition condition) {
    try {
      return JSON_WRITER.writeValueAsString(toPlain(condition));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write condition as JSON", e);
    }
  }

  /** Parses a duration: ISO-8601 ({@code P30D}, {@code PT12H}) or {@code 30d/12h/15m/45s/2w}. */
  public static Duration parseDuration(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty duration");
    }
    char first = Character.toUpperCase(s.charAt(0));
    if (first == 'P' || ((first == '-' || first == '+') && s.length() > 1 && Character.toUpperCase(s.charAt(1)) == 'P')) {
      try {
        return Duration.parse(s);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not an ISO-8601 duration: '" + text + "'", e);
      }
    }
    int end = s.length() - 1;
    char unit = Character.toLowerCase(s.charAt(end));
    String number = s.substring(0, end).trim();
    long n;
    try {
      n = Long.parseLong(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "not a duration: '" + text + "' (expected such as 30d, 12h, 15m, 45s, 2w or ISO-8601 P30D)", e);
    }
    try {
      switch (unit) {
        case 'w':
          return Duration.ofDays(Math.multiplyExact(n, 7));
        case 'd':
          return Duration.ofDays(n);
        case 'h':
          return Duration.ofHours(n);
        case 'm':
          return Duration.ofMinutes(n);
        case 's':
          return Duration.ofSeconds(n);
        default:
          throw new IllegalArgumentException(
              "unknown duration unit '" + unit + "' in '" + text + "' (expected w, d, h, m or s)");
      }
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration out of range: '" + text + "'", e);
    }
  }

  private static final class Reader {
    private final @Nullable Schema schema;

    Reader(@Nullable Schema schema) {
      this.schema = schema;
    }

    Condition read(ConfigNode node) {
      if (node instanceof ScalarNode scalarNode && scalarNode.value() instanceof Boolean) {
        return new Condition.Constant((Boolean) scalarNode.value());
      }
      if (!(node instanceof MapNode map)) {
        throw node.error(
            "expected a condition (a map with one of " + new TreeSet<>(OPERATORS)
                + ", or true/false), found " + node.describe());
      }
      
      if (map.entries().size() != 1) {
        throw node.error(
            "expected a condition with exactly one operator key, found "
                + (map.entries().isEmpty() ? "an empty map" : "keys " + map.keys()));
      }
      String op = map.keys().iterator().next();
      if (!OPERATORS.contains(op)) {
        map.checkKeys(OPERATORS);
      }
      ConfigNode arg = map.require(op, "the operator's arguments");
      try {
        return readOperator(op, arg);
      } catch (IllegalArgumentException e) {
        throw arg.error(String.valueOf(e.getMessage()));
      }
    }

    private Condition readOperator(String op, ConfigNode arg) {
      switch (op) {
        case "all":
        case "any": {
          ListNode list = arg.asList("a list of conditions");
          List<Condition> children = new ArrayList<>();
          for (ConfigNode item : list.items()) {
            children.add(read(item));
          }
          return op.equals("all") ? new Condition.All(children) : new Condition.Any(children);
        }
        case "not":
          return new Condition.Not(read(arg));
        case "eq":
        case "ne": {
          MapNode m = args(arg, "field, value", "field", "value", "ignore_case");
          Condition eq = new Condition.Eq(field(m), literal(m.require("value", "a value")), m.bool("ignore_case", false));
          return op.equals("eq") ? eq : new Condition.Not(eq);
        }
        case "in":
        case "not_in": {
          MapNode m = args(arg, "field, values", "field", "values", "ignore_case");
          ListNode values = m.list("values");
          List<Object> literals = new ArrayList<>();
          for (ConfigNode v : values.items()) {
            literals.add(literal(v));
          }
          if (literals.isEmpty()) {
            throw values.error("expected at least one value, found an empty list");
          }
          Condition in = new Condition.In(field(m), literals, m.bool("ignore_case", false));
          return op.equals("in") ? in : new Condition.Not(in);
        }
        case "contains":
        case "starts_with":
        case "ends_with": {
          MapNode m = args(arg, "field, value", "field", "value", "ignore_case");
          String text = m.require("value", "the text to look for").asText("the text to look for");
          boolean ic = m.bool("ignore_case", false);
          String f = field(m);
          return op.equals("contains")
              ? new Condition.Contains(f, text, ic)
              : op.equals("starts_with") ? new Condition.StartsWith(f, text, ic) : new Condition.EndsWith(f, text, ic);
        }
        case "matches": {
          MapNode m = args(arg, "field, pattern", "field", "pattern");
          ConfigNode p = m.require("pattern", "an RE2 regular expression");
          String f = field(m);
          try {
            return new Condition.Matches(f, p.asText("an RE2 regular expression"));
          } catch (IllegalArgumentException e) {
            throw p.error(String.valueOf(e.getMessage()));
          }
        }
        case "gt":
        case "gte":
        case "lt":
        case "lte":
        case "before":
        case "after": {
          MapNode m = args(arg, "field, value", "field", "value");
          CompareOp cop =
              op.equals("before") ? CompareOp.LT
                  : op.equals("after") ? CompareOp.GT : CompareOp.valueOf(op.toUpperCase(Locale.ROOT));
          ConfigNode v = m.require("value", "a number, date or timestamp");
          try {
            return new Condition.Compare(field(m), cop, literal(v));
          } catch (IllegalArgumentException e) {
            throw v.error(String.valueOf(e.getMessage()));
          }
        }
        case "between": {
          MapNode m = args(arg, "field, low, high", "field", "low", "high");
          return new Condition.Between(
              field(m), literal(m.require("low", "a lower bound")), literal(m.require("high", "an upper bound")));
        }
        case "exists":
        case "is_empty": {
          String f;
          if (arg instanceof ScalarNode) {
            f = checkField(arg, arg.asText("a field name"));
          } else {
            f = field(args(arg, "field", "field"));
          }
          return op.equals("exists") ? new Condition.Exists(f) : new Condition.IsEmpty(f);
        }
        case "within_last":
        case "older_than": {
          MapNode m = args(arg, "field, duration", "field", "duration");
          ConfigNode d = m.require("duration", "a duration such as 30d or P30D");
          Duration duration;
          try {
            duration = parseDuration(d.asText("a duration such as 30d or P30D"));
          } catch (IllegalArgumentException e) {
            throw d.error(String.valueOf(e.getMessage()));
          }
          String f = field(m);
          try {
            return op.equals("within_last") ? new Condition.WithinLast(f, duration) : new Condition.OlderThan(f, duration);
          } catch (IllegalArgumentException e) {
            throw d.error(String.valueOf(e.getMessage()));
          }
        }
        case "list_contains_any":
        case "list_contains_all": {
          MapNode m = args(arg, "field, values", "field", "values", "ignore_case");
          ListNode values = m.list("values");
          if (values.items().isEmpty()) {
            throw values.error("expected at least one value, found an empty list");
          }
          return new Condition.ListContains(
              field(m), values.strings(), op.equals("list_contains_all"), m.bool("ignore_case", false));
        }
        default:
          throw new AssertionError(op);
      }
    }

    private static MapNode args(ConfigNode arg, String what, String... keys) {
      MapNode m = arg.asMap("the operator's arguments (" + what + ")");
      m.checkKeys(List.of(keys));
      return m;
    }

    private String field(MapNode m) {
      ConfigNode f = m.require("field", "a field name");
      return checkField(f, f.asText("a field name"));
    }

    private String checkField(ConfigNode at, String name) {
      if (name.isBlank()) {
        throw at.error("expected a field name, found an empty string");
      }
      if (schema != null && !schema.has(name)) {
        String near = nearest(name, schema.fieldNames());
        throw at.error(
            "unknown field '" + name + "'" + (near == null ? "" : " (did you mean '" + near + "'?)")
                + ", expected one of " + schema.fieldNames());
      }
      return name;
    }

    private static @Nullable String nearest(String name, List<String> names) {
      for (String n : names) {
        if (n.equalsIgnoreCase(name) || n.replace("_", "").equalsIgnoreCase(name.replace("_", ""))) {
          return n;
        }
      }
      return null;
    }

    private static Object literal(ConfigNode node) {
      if (!(node instanceof ScalarNode scalarNode)) {
        throw node.error("expected a single value (text, number or boolean), found " + node.describe());
      }
      Object v = scalarNode.value();
      if (v == null) {
        throw node.error("expected a value, found null (use is_empty or exists to test for missing values)");
      }
      return v;
    }
  }

  private static final class Writer implements Condition.Visitor<Object> {

    private static Map<String, Object> op(String name, Object arg) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(name, arg);
      return m;
    }

    private static Map<String, Object> args(String field) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", field);
      return m;
    }

    private static Object plain(Object literal) {
      if (literal instanceof BigDecimal || literal instanceof Long || literal instanceof Double
          || literal instanceof Boolean || literal instanceof String) {
        return literal;
      }
      return literal.toString();
    }

    private List<Object> children(List<Condition> cs) {
      List<Object> out = new ArrayList<>();
      for (Condition c : cs) {
        out.add(c.accept(this));
      }
      return out;
    }

    @Override
    public Object visitAll(Condition.All c) {
      return op("all", children(c.conditions()));
    }

    @Override
    public Object visitAny(Condition.Any c) {
      return op("any", children(c.conditions()));
    }

    @Override
    public Object visitNot(Condition.Not c) {
      return op("not", c.condition().accept(this));
    }

    @Override
    public Object visitConstant(Condition.Constant c) {
      return c.value();
    }

    @Override
    public Object visitEq(Condition.Eq c) {
      Map<String, Object> a = args(c.field());
      a.put("value", plain(c.value()));
      if (c.ignoreCase()) {
        a.put("ignore_case", true);
      }
      return op("eq", a);
    }

    @Override
    public Object visitIn(Condition.In c) {
      Map<String, Object> a = args(c.field());
      List<Object> values = new ArrayList<>();
      c.values().forEach(v -> values.add(plain(v)));
      a.put("values", values);
      if (c.ignoreCase()) {
        a.put("ignore_case", true);
      }
      return op("in", a);
    }

    private Object text(String name, String field, String text, boolean ignoreCase) {
      Map<String, Object> a = args(field);
      a.put("value", text);
      if (ignoreCase) {
        a.put("ignore_case", true);
      }
      return op(name, a);
    }

    @Override
    public Object visitContains(Condition.Contains c) {
      return text("contains", c.field(), c.text(), c.ignoreCase());
    }

    @Override
    public Object visitStartsWith(Condition.StartsWith c) {
      return text("starts_with", c.field(), c.text(), c.ignoreCase());
    }

    @Override
    public Object visitEndsWith(Condition.EndsWith c) {
      return text("ends_with", c.field(), c.text(), c.ignoreCase());
    }

    @Override
    public Object visitMatches(Condition.Matches c) {
      Map<String, Object> a = args(c.field());
      a.put("pattern", c.pattern());
      return op("matches", a);
    }

    @Override
    public Object visitCompare(Condition.Compare c) {
      Map<String, Object> a = args(c.field());
      a.put("value", plain(c.value()));
      return op(c.op().keyword(), a);
    }

    @Override
    public Object visitBetween(Condition.Between c) {
      Map<String, Object> a = args(c.field());
      a.put("low", plain(c.low()));
      a.put("high", plain(c.high()));
      return op("between", a);
    }

    @Override
    public Object visitExists(Condition.Exists c) {
      return op("exists", args(c.field()));
    }

    @Override
    public Object visitIsEmpty(Condition.IsEmpty c) {
      return op("is_empty", args(c.field()));
    }

    @Override
    public Object visitWithinLast(Condition.WithinLast c) {
      Map<String, Object> a = args(c.field());
      a.put("duration", c.duration().toString());
      return op("within_last", a);
    }

    @Override
    public Object visitOlderThan(Condition.OlderThan c) {
      Map<String, Object> a = args(c.field());
      a.put("duration", c.duration().toString());
      return op("older_than", a);
    }

    @Override
    public Object visitListContains(Condition.ListContains c) {
      Map<String, Object> a = args(c.field());
      a.put("values", new ArrayList<>(c.values()));
      if (c.ignoreCase()) {
        a.put("ignore_case", true);
      }
      return op(c.all() ? "list_contains_all" : "list_contains_any", a);
    }
  }
}

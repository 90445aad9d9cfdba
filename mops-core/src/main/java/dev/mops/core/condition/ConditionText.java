package dev.mops.core.condition;

import java.util.StringJoiner;

/** Text forms of conditions: the field of a leaf, its operator keyword, a one-line description. */
final class ConditionText {

  private ConditionText() {}

  static String fieldOf(Condition leaf) {
    return leaf.accept(FIELD);
  }

  static String operatorOf(Condition leaf) {
    return leaf.accept(OPERATOR);
  }

  /** The expected side of a leaf, for explanations: {@code 'US'}, {@code [1, 2]}, {@code P30D}. */
  static String expectedOf(Condition leaf) {
    return leaf.accept(EXPECTED);
  }

  static String describe(Condition c) {
    if (c instanceof Condition.All all) {
      return join(all.conditions(), " and ", "true");
    }
    if (c instanceof Condition.Any any) {
      return join(any.conditions(), " or ", "false");
    }
    if (c instanceof Condition.Not not) {
      return "not " + describe(not.condition());
    }
    if (c instanceof Condition.Constant constant) {
      return String.valueOf(constant.value());
    }
    String expected = expectedOf(c);
    return fieldOf(c) + " " + operatorOf(c) + (expected.isEmpty() ? "" : " " + expected);
  }

  private static String join(java.util.List<Condition> cs, String sep, String empty) {
    if (cs.isEmpty()) {
      return empty;
    }
    StringJoiner j = new StringJoiner(sep, "(", ")");
    for (Condition c : cs) {
      j.add(describe(c));
    }
    return j.toString();
  }

  private abstract static class LeafVisitor implements Condition.Visitor<String> {
    @Override
    public String visitAll(Condition.All c) {
      throw new IllegalArgumentException("not a leaf: all");
    }

    @Override
    public String visitAny(Condition.Any c) {
      throw new IllegalArgumentException("not a leaf: any");
    }

    @Override
    public String visitNot(Condition.Not c) {
      throw new IllegalArgumentException("not a leaf: not");
    }

    @Override
    public String visitConstant(Condition.Constant c) {
      throw new IllegalArgumentException("not a leaf: constant");
    }
  }

  private static final Condition.Visitor<String> FIELD =
      new LeafVisitor() {
        @Override
        public String visitEq(Condition.Eq c) {
          return c.field();
        }

        @Override
        public String visitIn(Condition.In c) {
          return c.field();
        }

        @Override
        public String visitContains(Condition.Contains c) {
          return c.field();
        }

        @Override
        public String visitStartsWith(Condition.StartsWith c) {
          return c.field();
        }

        @Override
        public String visitEndsWith(Condition.EndsWith c) {
          return c.field();
        }

        @Override
        public String visitMatches(Condition.Matches c) {
          return c.field();
        }

        @Override
        public String visitCompare(Condition.Compare c) {
          return c.field();
        }

        @Override
        public String visitBetween(Condition.Between c) {
          return c.field();
        }

        @Override
        public String visitExists(Condition.Exists c) {
          return c.field();
        }

        @Override
        public String visitIsEmpty(Condition.IsEmpty c) {
          return c.field();
        }

        @Override
        public String visitWithinLast(Condition.WithinLast c) {
          return c.field();
        }

        @Override
        public String visitOlderThan(Condition.OlderThan c) {
          return c.field();
        }

        @Override
        public String visitListContains(Condition.ListContains c) {
          return c.field();
        }
      };

  private static final Condition.Visitor<String> OPERATOR =
      new LeafVisitor() {
        @Override
        public String visitEq(Condition.Eq c) {
          return c.ignoreCase() ? "eq (ignoring case)" : "eq";
        }

        @Override
        public String visitIn(Condition.In c) {
          return c.ignoreCase() ? "in (ignoring case)" : "in";
        }

        @Override
        public String visitContains(Condition.Contains c) {
          return c.ignoreCase() ? "contains (ignoring case)" : "contains";
        }

        @Override
        public String visitStartsWith(Condition.StartsWith c) {
          return c.ignoreCase() ? "starts_with (ignoring case)" : "starts_with";
        }

        @Override
        public String visitEndsWith(Condition.EndsWith c) {
          return c.ignoreCase() ? "ends_with (ignoring case)" : "ends_with";
        }

        @Override
        public String visitMatches(Condition.Matches c) {
          return "matches";
        }

        @Override
        public String visitCompare(Condition.Compare c) {
          return c.op().keyword();
        }

        @Override
        public String visitBetween(Condition.Between c) {
          return "between";
        }

        @Override
        public String visitExists(Condition.Exists c) {
          return "exists";
        }

        @Override
        public String visitIsEmpty(Condition.IsEmpty c) {
          return "is_empty";
        }

        @Override
        public String visitWithinLast(Condition.WithinLast c) {
          return "within_last";
        }

        @Override
        public String visitOlderThan(Condition.OlderThan c) {
          return "older_than";
        }

        @Override
        public String visitListContains(Condition.ListContains c) {
          return (c.all() ? "list_contains_all" : "list_contains_any") + (c.ignoreCase() ? " (ignoring case)" : "");
        }
      };

  private static final Condition.Visitor<String> EXPECTED =
      new LeafVisitor() {
        @Override
        public String visitEq(Condition.Eq c) {
          return Literals.show(c.value());
        }

        @Override
        public String visitIn(Condition.In c) {
          StringJoiner j = new StringJoiner(", ", "[", "]");
          int n = 0;
          for (Object v : c.values()) {
            if (n++ == 10) {
              j.add("\u2026 " + (c.values().size() - 10) + " more");
              break;
            }
            j.add(Literals.show(v));
          }
          return j.toString();
        }

        @Override
        public String visitContains(Condition.Contains c) {
          return Literals.show(c.text());
        }

        @Override
        public String visitStartsWith(Condition.StartsWith c) {
          return Literals.show(c.text());
        }

        @Override
        public String visitEndsWith(Condition.EndsWith c) {
          return Literals.show(c.text());
        }

        @Override
        public String visitMatches(Condition.Matches c) {
          return "/" + c.pattern() + "/";
        }

        @Override
        public String visitCompare(Condition.Compare c) {
          return Literals.show(c.value());
        }

        @Override
        public String visitBetween(Condition.Between c) {
          return Literals.show(c.low()) + " and " + Literals.show(c.high());
        }

        @Override
        public String visitExists(Condition.Exists c) {
          return "";
        }

        @Override
        public String visitIsEmpty(Condition.IsEmpty c) {
          return "";
        }

        @Override
        public String visitWithinLast(Condition.WithinLast c) {
          return c.duration().toString();
        }

        @Override
        public String visitOlderThan(Condition.OlderThan c) {
          return c.duration().toString();
        }

        @Override
        public String visitListContains(Condition.ListContains c) {
          return c.values().toString();
        }
      };
}

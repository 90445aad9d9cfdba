package dev.mops.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.Condition;
import dev.mops.core.condition.Conditions;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RegexPrefilterTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      (?i)\\b(chief|ceo|founder)\\b ; true ; chief,ceo,founder
      (?i)@(gmail|yahoo)\\. ; true ; gmail,yahoo
      ^(?:VP|Head of) ; false ; VP,Head of
      x?(ab|cd)+ ; - ;
      (ab|cd)?x ; - ;
      ab|cd ; - ;
      (a.b|cd) ; - ;
      [(](ab|cd) ; - ;
      (?s)(ab|cd) ; - ;
      ((ab|cd)x) ; - ;
      \\Q(ab|cd)\\E ; - ;
      (ab|) ; - ;
      """)
  void findsTheLiteralsEveryMatchContains(String pattern, String ignoreCase, String words) {
    RegexPrefilter.Literals lits = RegexPrefilter.requiredLiterals(pattern);
    if (ignoreCase.equals("-")) {
      assertThat(lits).isNull();
    } else {
      assertThat(lits).isNotNull();
      assertThat(lits.ignoreCase).isEqualTo(Boolean.parseBoolean(ignoreCase));
      assertThat(lits.words).containsExactly(words.split(","));
    }
  }

  @Test
  void guardsComeFromTopLevelMatchesOnly() {
    Schema schema = Schema.of("title", "email");
    assertThat(RegexPrefilter.guards(Conditions.matches("title", "(?i)\\b(vp|svp)\\b"), schema)).hasSize(1);
    assertThat(RegexPrefilter.guards(Conditions.all(Conditions.matches("title", "(vp|svp)"),
        Conditions.matches("email", "@(a|b)\\."), Conditions.exists("email")), schema)).hasSize(2);
    assertThat(RegexPrefilter.guards(Conditions.not(Conditions.matches("title", "(vp|svp)")), schema)).isEmpty();
    assertThat(RegexPrefilter.guards(Conditions.any(Conditions.matches("title", "(vp|svp)"), Conditions.exists("email")),
        schema)).isEmpty();
    RegexPrefilter.Guard g = RegexPrefilter.guards(Conditions.matches("title", "(?i)\\b(chief|ceo)\\b"), schema)[0];
    assertThat(g.mayMatch(ArrayRow.of(schema, "Software Engineer", null))).isFalse();
    assertThat(g.mayMatch(ArrayRow.of(schema, "Acting CEO", null))).isTrue();
    assertThat(g.mayMatch(ArrayRow.of(schema, "Sales Rep \u00e9", null))).as("non-ASCII text always passes").isTrue();
  }

  static Stream<Long> seeds() {
    String fixed = System.getProperty("mops.seed");
    return fixed != null ? Stream.of(Long.parseLong(fixed)) : LongStream.range(0, 10).mapToObj(i -> 31L * i + 17);
  }

  static final List<String> PATTERNS = List.of(
      "(?i)\\b(chief|ceo|cmo|cro|cto|cfo|founder)\\b", "(?i)\\b(vp|vice president|head of|svp)\\b",
      "(?i)@(gmail|yahoo|hotmail|outlook)\\.", "^(?:Dr|Prof) ", "(sk|ks)$", "(?i)(k)s");
  static final String[] FRAGMENTS = {
    "chief", "CEO", "Founder", "vp", "VP", "Vice President", "head of", "svp", "@gmail.", "@Yahoo.", "outlook", "Dr ",
    "Prof ", " ", "-", ".", "@", "x", "sk", "KS", "\u212A", "\u017F", "\u0131", "\u00e9", "Head  of", "engineer", "k"
  };

  @ParameterizedTest
  @MethodSource("seeds")
  void aFailingGuardMeansTheRegexDoesNotMatch(long seed) {
    System.out.println("prefilter seed=" + seed + " (replay with -Dmops.seed=" + seed + ")");
    Random r = new Random(seed);
    Schema schema = Schema.of("title");
    Instant now = Instant.EPOCH;
    for (String p : PATTERNS) {
      Condition original = Conditions.matches("title", p);
      CompiledCondition a = CompiledCondition.compile(original, schema);
      RegexPrefilter.Guard[] guards = RegexPrefilter.guards(original, schema);
      assertThat(guards).as(p).hasSize(1);
      int rejected = 0;
      for (int i = 0; i < 2000; i++) {
        StringBuilder sb = new StringBuilder();
        for (int k = r.nextInt(5); k > 0; k--) {
          sb.append(FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
        }
        ArrayRow row = ArrayRow.of(schema, sb.toString());
        if (!guards[0].mayMatch(row)) {
          rejected++;
          assertThat(a.test(row, now)).as("%s on '%s'", p, sb).isFalse();
        }
      }
      assertThat(rejected).as("the guard of %s rejects something", p).isPositive();
    }
  }
}

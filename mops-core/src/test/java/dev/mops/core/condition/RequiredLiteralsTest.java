package dev.mops.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequiredLiteralsTest {

  @Test
  void qualifyingAndNonQualifyingPatterns() {
    assertThat(RequiredLiterals.of("(?i)\\b(vp|svp|director|head of|chief)\\b")).isNotNull();
    assertThat(RequiredLiterals.of("^(?:cpc|ppc)$")).isNotNull();
    assertThat(RequiredLiterals.of("(vp|director)?x")).isNull();
    assertThat(RequiredLiterals.of("vp|director")).isNull();
    assertThat(RequiredLiterals.of("[a-z](x|y)")).isNull();
    assertThat(RequiredLiterals.of("(?s)(x|y)")).isNull();
    assertThat(RequiredLiterals.of("(x.y|z)")).isNull();
    assertThat(RequiredLiterals.of("plain")).isNull();
  }

  static Stream<String> patterns() {
    return Stream.of("(?i)\\b(vp|svp|director|head of|chief)\\b", "^(cpc|ppc|paid)$", "(?i)^(?:email|e-mail|e_mail)",
        "(ask|k)", "(?i)(s|k)", "x(ab|cd)y", "\\((ab|cd)\\)");
  }

  @ParameterizedTest
  @MethodSource("patterns")
  void theGuardNeverRefusesAMatch(String pattern) {
    RequiredLiterals guard = RequiredLiterals.of(pattern);
    assertThat(guard).isNotNull();
    Pattern p = Pattern.compile(pattern);
    Random r = new Random(RandomConditions.baseSeed() ^ pattern.hashCode());
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDKSVP -_()\u212A\u017F\u00E9";
    String[] seeds = {"VP", "svp", "Director", "head of", "CHIEF", "cpc", "ppc", "paid", "Email", "e-mail", "ask", "k", "\u212A", "\u017F", "ab", "cd", "(ab)"};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(12); k > 0; k--) {
        sb.append(r.nextInt(3) == 0 ? seeds[r.nextInt(seeds.length)] : String.valueOf(alphabet.charAt(r.nextInt(alphabet.length()))));
      }
      String s = sb.toString();
      if (p.matcher(s).find()) {
        assertThat(guard.mayMatch(s)).as("'%s' matches %s", s, pattern).isTrue();
      }
    }
  }
}

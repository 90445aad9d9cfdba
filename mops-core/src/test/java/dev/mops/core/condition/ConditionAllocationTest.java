package dev.mops.core.condition;

import static dev.mops.core.condition.Conditions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import dev.mops.core.record.ValueType;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks the promise that evaluating a compiled condition on typed rows allocates nothing (regex
 * aside), by counting the bytes this thread allocates: a count, not a timing.
 */
class ConditionAllocationTest {

  @Test
  void typedRowsEvaluateWithoutAllocating() {
    var mx = ManagementFactory.getThreadMXBean();
    assumeThat(mx).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) mx;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);

    Schema s = Schema.builder()
        .field("country", ValueType.STRING).field("industry", ValueType.STRING)
        .field("employees", ValueType.NUMBER).field("title", ValueType.STRING)
        .field("last_visit", ValueType.INSTANT).field("tags", ValueType.STRING_LIST)
        .build();
    Condition c = any(
        all(eq("country", "US"), in("industry", List.of("Software", "SaaS", "Fintech"), true)),
        all(between("employees", 200, 2000), contains("title", "marketing", true)),
        all(startsWith("title", "VP", true), endsWith("title", "Sales", false), not(isEmpty("country"))),
        all(withinLast("last_visit", Duration.ofDays(30)), olderThan("last_visit", Duration.ofDays(1))),
        listContainsAny("tags", "demo_request", "pricing_page"),
        listContainsAll("tags", "webinar", "ebook"),
        all(gte("employees", 5000), exists("industry"), eqIgnoreCase("country", "gb")),
        matches("title", "(?i)^(vp|head)\\b"));
    CompiledCondition cc = CompiledCondition.compile(c, s);
    Instant now = Instant.parse("2026-01-31T00:00:00Z");
    List<ArrayRow> rows = new ArrayList<>();
    String[] titles = {"VP Sales", "Marketing Manager", "Engineer", "Head of Growth"};
    for (int i = 0; i < 64; i++) {
      rows.add(ArrayRow.of(s, i % 3 == 0 ? "US" : "GB", i % 2 == 0 ? "saas" : "Retail", (long) (i * 97),
          titles[i % titles.length], now.minus(Duration.ofHours(i * 20L)),
          i % 4 == 0 ? List.of("webinar", "ebook") : List.of("pricing_page")));
    }
    int matched = 0;
    for (int warm = 0; warm < 2_000; warm++) {
      for (ArrayRow r : rows) {
        matched += cc.test(r, now) ? 1 : 0;
      }
    }
    ArrayRow[] array = rows.toArray(new ArrayRow[0]);
    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    for (int round = 0; round < 1_000; round++) {
      for (int i = 0; i < array.length; i++) {
        matched += cc.test(array[i], now) ? 1 : 0;
      }
    }
    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    assertThat(matched).isPositive();
    // 64,000 evaluations; a few hundred bytes of slack for the measurement itself.
    assertThat(allocated).as("bytes allocated by 64,000 evaluations").isLessThan(2_048);
  }

  @Test
  void regexMemoGivesTheSameAnswersAsTheEngine() {
    Schema s = Schema.of("title");
    CompiledCondition cc = CompiledCondition.compile(matches("title", "(?i)\\b(vp|director)\\b"), s);
    com.google.re2j.Pattern p = com.google.re2j.Pattern.compile("(?i)\\b(vp|director)\\b");
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 5_000; i++) {
        String t = (i % 7 == 0 ? "VP " : i % 5 == 0 ? "Director of " : "Manager ") + i + "x".repeat(i % 300);
        assertThat(cc.test(ArrayRow.of(s, t))).as(t).isEqualTo(p.matcher(t).find());
      }
    }
  }
}

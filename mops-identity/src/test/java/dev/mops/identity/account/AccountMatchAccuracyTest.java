package dev.mops.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.Records;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of lead-to-account matching on a generated labelled set (seeded; set
 * {@code -Dmops.test.seed=N} to try another): the figures asserted are those documented in
 * docs/routing.md, a little below what the default seed measures.
 */
class AccountMatchAccuracyTest {

  static final long SEED = Long.getLong("mops.test.seed", 20261202L);

  @Test
  void precisionAndRecallOnALabelledSet() {
    System.out.println("AccountMatchAccuracyTest seed " + SEED);
    LabelledAccounts set = new LabelledAccounts(SEED, 5_000, 5_000);
    AccountMatcher.Builder b = AccountMatcher.builder();
    for (Map<String, Object> a : set.accounts) {
      b.addRecord(Records.of(a), null, f -> {
        throw new AssertionError(f.toString());
      });
    }
    AccountMatcher m = b.build();
    int predicted = 0;
    int correct = 0;
    int truths = 0;
    int falseOnStrangers = 0;
    for (LabelledAccounts.Lead l : set.leads) {
      AccountMatch r = m.match(Records.of(l.fields()));
      if (!l.truth().isEmpty()) {
        truths++;
      }
      if (r.matched()) {
        predicted++;
        if (r.accountId().equals(l.truth())) {
          correct++;
        } else if (l.truth().isEmpty()) {
          falseOnStrangers++;
        }
      }
    }
    double precision = correct / (double) predicted;
    double recall = correct / (double) truths;
    System.out.printf("accounts %d, leads %d (%s), precision %.4f, recall %.4f, false matches of strangers %d%n",
        m.size(), set.leads.size(), LabelledAccounts.countByTruth(set.leads), precision, recall, falseOnStrangers);
    assertThat(precision).isGreaterThanOrEqualTo(0.96);
    assertThat(recall).isGreaterThanOrEqualTo(0.93);
  }
}

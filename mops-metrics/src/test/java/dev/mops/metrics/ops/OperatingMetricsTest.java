package dev.mops.metrics.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OperatingMetricsTest {

  static final Instant JUNE = Instant.parse("2026-06-01T00:00:00Z");
  static final Instant JULY = Instant.parse("2026-07-01T00:00:00Z");

  static Instant h(int hours) {
    return JUNE.plus(Duration.ofHours(hours));
  }

  static Stream<Long> seeds() {
    long base = Long.getLong("mops.test.seed", 20261202L);
    System.err.println("incident property seeds: base " + base + " (set -Dmops.test.seed to replay)");
    return LongStream.range(0, 40).mapToObj(i -> base * 1_000_003L + i);
  }

  @Test
  void overlappingIncidentsCountOnce() {
    IncidentTimeline t = new IncidentTimeline()
        .add(h(10), h(12))      // sync down
        .add(h(11), h(13))      // scoring down meanwhile: one outage 10-13
        .add(h(13), h(14))      // touching: still the same outage, 10-14
        .add(h(100), h(101))    // a second outage
        .add(JUNE.minus(Duration.ofHours(2)), h(1)); // began in May: only its June hour counts
    IncidentTimeline.Availability a = t.over(JUNE, JULY);
    assertThat(a.period()).isEqualTo(Duration.ofDays(30));
    assertThat(a.downtime()).isEqualTo(Duration.ofHours(4 + 1 + 1));
    assertThat(a.outages()).isEqualTo(3);
    assertThat(a.uptime()).isEqualTo(1 - 6.0 / 720);
    assertThat(a.mttr()).isEqualTo(Duration.ofHours(2));
    assertThat(a.mtbf()).isEqualTo(Duration.ofHours(238));
    assertThat(t.outages()).hasSize(3);
    // an open incident lasts to the end of the period
    assertThat(new IncidentTimeline().add(h(700), null).over(JUNE, JULY).downtime()).isEqualTo(Duration.ofHours(20));
    assertThat(new IncidentTimeline().over(JUNE, JULY).mttr()).isNull();
    assertThatThrownBy(() -> t.add(h(5), h(4))).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mergedTimelinesAgreeWithMinuteCounting(long seed) {
    Random r = new Random(seed);
    List<Instant[]> incidents = new ArrayList<>();
    for (int i = r.nextInt(30); i > 0; i--) {
      Instant s = JUNE.plus(Duration.ofMinutes(r.nextInt(30 * 24 * 60 + 600) - 300));
      incidents.add(new Instant[] {s, s.plus(Duration.ofMinutes(r.nextInt(600)))});
    }
    IncidentTimeline whole = new IncidentTimeline();
    incidents.forEach(i -> whole.add(i[0], i[1]));
    Collections.shuffle(incidents, r);
    IncidentTimeline a = new IncidentTimeline();
    IncidentTimeline b = new IncidentTimeline();
    for (Instant[] i : incidents) {
      (r.nextBoolean() ? a : b).add(i[0], i[1]);
    }
    IncidentTimeline merged = new IncidentTimeline().merge(b).merge(a);
    assertThat(merged.over(JUNE, JULY)).isEqualTo(whole.over(JUNE, JULY));
    long down = 0;
    for (Instant m = JUNE; m.isBefore(JULY); m = m.plusSeconds(60)) {
      for (Instant[] i : incidents) {
        if (!m.isBefore(i[0]) && m.isBefore(i[1])) {
          down++;
          break;
        }
      }
    }
    assertThat(whole.over(JUNE, JULY).downtime()).isEqualTo(Duration.ofMinutes(down));
  }

  @Test
  void sharesAndNps() {
    Share reuse = Share.none().plus(true).plus(true).plus(false).merge(new Share(5, 7));
    assertThat(reuse).isEqualTo(new Share(7, 10));
    assertThat(reuse.value()).isEqualTo(0.7);
    assertThat(new Share(12, 4000).perThousand()).isEqualTo(3.0); // duplicates per 1,000 records
    assertThat(Share.none().value()).isNaN();
    assertThatThrownBy(() -> new Share(5, 4)).isInstanceOf(IllegalArgumentException.class);
    // 10 answers: 5 promoters, 2 passives, 3 detractors -> 50% - 30% = 20
    NetPromoterScore nps = NetPromoterScore.none();
    for (int a : new int[] {10, 9, 9, 10, 9, 8, 7, 6, 0, 3}) {
      nps = nps.plus(a);
    }
    assertThat(nps.score()).isEqualTo(20.0);
    assertThat(nps.merge(new NetPromoterScore(0, 0, 10)).score()).isEqualTo(100.0 * (5 - 13) / 20);
    NetPromoterScore none = NetPromoterScore.none();
    assertThatThrownBy(() -> none.plus(11)).isInstanceOf(IllegalArgumentException.class);
  }
}

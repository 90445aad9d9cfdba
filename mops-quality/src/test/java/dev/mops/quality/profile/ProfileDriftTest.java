package dev.mops.quality.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.record.Records;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileDriftTest {

  static final DataContract C = DataContracts.parse("w.yaml",
      "contract: w\nfields:\n  email: {type: email}\n  employees: {type: integer}\n  country: {type: string}\n");

  static QualityProfile week(int rows, double missingEmail, int employees) {
    ProfileBuilder b = QualityProfile.builder(C);
    for (int i = 0; i < rows; i++) {
      Map<String, Object> m = new HashMap<>();
      if (i >= rows * missingEmail) {
        m.put("email", "p" + i + "@example.com");
      }
      m.put("employees", Integer.toString(employees + i % 7));
      m.put("country", i % 2 == 0 ? "US" : "CA");
      b.add(Records.of(m));
    }
    return b.build();
  }

  @Test
  void reportsOnlyTheMetricsThatMovedBeyondTolerance() {
    QualityProfile lastWeek = week(1000, 0.01, 100);
    QualityProfile thisWeek = week(1040, 0.05, 300);
    ProfileDrift d = ProfileDrift.between(lastWeek, thisWeek, 1.0, 0.10);
    List<String> drifted = d.drifted().stream().map(c -> c.field() + " " + c.metric()).toList();
    assertThat(drifted).contains("email null_rate", "employees mean", "employees p50");
    assertThat(drifted).doesNotContain(" rows", "country null_rate", "country distinct");
    assertThat(d.changes()).anySatisfy(c -> assertThat(c.metric()).isEqualTo("rows"));
    assertThat(ProfileDrift.between(lastWeek, lastWeek, 0, 0).drifted()).isEmpty();
    assertThat(d.drifted().get(0).describe()).contains("->");
  }

  @Test
  void refusesProfilesOfDifferentShapes() {
    QualityProfile other = QualityProfile.builder(List.of("x")).add(Records.of(Map.of("x", "1"))).build();
    assertThatThrownBy(() -> ProfileDrift.between(week(10, 0, 1), other, 1, 0.1)).isInstanceOf(IllegalArgumentException.class);
  }
}

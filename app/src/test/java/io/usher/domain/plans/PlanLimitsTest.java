package io.usher.domain.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.testing.Fixtures;
import org.junit.jupiter.api.Test;

class PlanLimitsTest {
  @Test
  void everyLimitIsNamedAndEmbyDevicesOnlyWhenThePlanSetsThem() {
    PlanSpec plain = Fixtures.plan("Monthly", "10", PlanDuration.months(1));
    PlanSpec one =
        new PlanSpec(
            "Solo",
            plain.price(),
            plain.duration(),
            plain.groups(),
            1,
            true,
            false,
            1,
            false,
            false,
            false,
            0,
            null,
            null);
    assertThat(PlanLimits.brief(plain)).isEqualTo("2 streams, no downloads, transcoding");
    assertThat(PlanLimits.brief(one))
        .isEqualTo("1 stream, downloads, original quality only, 1 Emby device");
  }
}

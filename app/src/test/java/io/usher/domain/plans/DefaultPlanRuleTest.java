package io.usher.domain.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.ConflictException;
import io.usher.domain.money.Money;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefaultPlanRuleTest {
  static PlanSpec spec(String name, boolean isDefault) {
    return new PlanSpec(
        name,
        Money.parse("10", Money.currency("USD")),
        PlanDuration.months(1),
        List.of("Standard"),
        1,
        false,
        true,
        null,
        false,
        isDefault,
        false,
        0,
        null);
  }

  static final Plan BASIC_DEFAULT = new Plan(1, spec("Basic", true));

  @Test
  void theFirstPlanBecomesTheDefaultEvenUnasked() {
    assertThat(DefaultPlanRule.forNewPlan(false, Optional.empty())).isTrue();
    assertThat(DefaultPlanRule.forNewPlan(true, Optional.empty())).isTrue();
  }

  @Test
  void aLaterPlanIsNotTheDefault() {
    assertThat(DefaultPlanRule.forNewPlan(false, Optional.of(BASIC_DEFAULT))).isFalse();
  }

  @Test
  void aSecondDefaultPlanIsRefusedNamingTheCurrentOne() {
    assertThatThrownBy(() -> DefaultPlanRule.forNewPlan(true, Optional.of(BASIC_DEFAULT)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("'Basic' is already the default plan");
  }

  @Test
  void theDefaultPlanCannotStopBeingTheDefaultByItself() {
    assertThatThrownBy(() -> DefaultPlanRule.checkEdit(BASIC_DEFAULT, spec("Basic", false)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("make another plan the default");
    assertThatCode(
            () -> DefaultPlanRule.checkEdit(new Plan(2, spec("Gold", false)), spec("Gold", true)))
        .doesNotThrowAnyException();
  }
}

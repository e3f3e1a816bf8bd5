package io.usher.application;

import static io.usher.testing.Fixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.ConflictException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanServiceTest extends LedgerTestBase {

  @Test
  void theFirstPlanBecomesTheDefaultAndLaterOnesDoNot() {
    Plan basic = usher.plans().create(plan("Basic", "10", PlanDuration.months(1)));
    Plan gold = usher.plans().create(plan("Gold", "20", PlanDuration.months(1)));
    assertThat(basic.isDefault()).isTrue();
    assertThat(gold.isDefault()).isFalse();
    assertThat(usher.plans().list()).extracting(Plan::name).containsExactly("Basic", "Gold");
  }

  @Test
  void aSecondDefaultPlanIsRefusedAndNothingIsWritten() {
    usher.plans().create(plan("Basic", "10", PlanDuration.months(1)));
    assertThatThrownBy(
            () ->
                usher.plans().create(plan("Gold", "20", PlanDuration.months(1)).withDefault(true)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("'Basic' is already the default plan");
    assertThat(usher.plans().list()).extracting(Plan::name).containsExactly("Basic");
  }

  @Test
  void planNamesAreUniqueWhateverTheCase() {
    usher.plans().create(plan("Basic", "10", PlanDuration.months(1)));
    assertThatThrownBy(() -> usher.plans().create(plan("BASIC", "20", PlanDuration.days(30))))
        .isInstanceOf(ConflictException.class)
        .hasMessage("A plan named 'BASIC' already exists.");
    assertThat(usher.plans().byName("basic").price())
        .isEqualTo(Money.parse("10", Money.currency("USD")));
  }

  @Test
  void anUnknownLibraryGroupIsRefusedNamingTheKnownOnes() {
    PlanSpec spec =
        new PlanSpec(
            "4K",
            Money.parse("30", Money.currency("USD")),
            PlanDuration.months(1),
            List.of("4K"),
            1,
            false,
            true,
            null,
            false,
            false,
            false,
            0,
            null);
    assertThatThrownBy(() -> usher.plans().create(spec))
        .isInstanceOf(ValidationException.class)
        .hasMessage("There is no library group named '4K'. Known groups: Private, Standard.");
    assertThat(usher.plans().list()).isEmpty();
  }

  @Test
  void groupsAreStoredAsTheGroupSpellsItself() {
    PlanSpec spec =
        new PlanSpec(
            "Basic",
            Money.parse("10", Money.currency("USD")),
            PlanDuration.months(1),
            List.of("standard"),
            1,
            false,
            true,
            null,
            false,
            false,
            false,
            0,
            null);
    assertThat(usher.plans().create(spec).spec().groups()).containsExactly("Standard");
  }

  @Test
  void makingAPlanTheDefaultMovesTheDefaultAndIsAudited() {
    Plan basic = usher.plans().create(plan("Basic", "10", PlanDuration.months(1)));
    Plan gold = usher.plans().create(plan("Gold", "20", PlanDuration.months(1)));
    usher.plans().update(gold.id(), gold.spec().withDefault(true));
    assertThat(usher.plans().byName("Gold").isDefault()).isTrue();
    assertThat(usher.plans().byName("Basic").isDefault()).isFalse();
    assertThat(usher.queries().history("plan", gold.id()))
        .extracting(e -> e.action())
        .containsExactly("created", "edited");
    assertThat(usher.queries().history("plan", basic.id())).hasSize(1);
  }

  @Test
  void theDefaultPlanCannotBeUnsetDirectly() {
    Plan basic = usher.plans().create(plan("Basic", "10", PlanDuration.months(1)));
    assertThatThrownBy(() -> usher.plans().update(basic.id(), basic.spec().withDefault(false)))
        .isInstanceOf(ConflictException.class);
    assertThat(usher.plans().byName("Basic").isDefault()).isTrue();
  }

  @Test
  void hidingAPlanKeepsEverythingElse() {
    Plan basic = usher.plans().create(plan("Basic", "10", PlanDuration.months(1)));
    Plan hidden = usher.plans().setHidden(basic.id(), true);
    assertThat(usher.plans().byName("Basic").spec()).isEqualTo(hidden.spec());
    assertThat(hidden.spec().hidden()).isTrue();
  }
}

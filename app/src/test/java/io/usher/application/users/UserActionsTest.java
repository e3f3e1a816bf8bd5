package io.usher.application.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.application.LedgerTestBase;
import io.usher.application.payments.ManualPayment;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.users.UserSpec;
import io.usher.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserActionsTest extends LedgerTestBase {
  long ann;
  long bob;
  long cat;

  @BeforeEach
  void users() {
    Fixtures.monthly(usher, "Monthly", "10");
    ann = usher.users().create(UserSpec.withEmail("ann@example.com")).id();
    bob = usher.users().create(UserSpec.withEmail("bob@example.com")).id();
    cat = usher.users().create(UserSpec.withEmail("cat@example.com")).id();
    usher.payments().record(ManualPayment.of("ann@example.com", "Monthly"));
    usher.payments().record(ManualPayment.of("bob@example.com", "Monthly"));
  }

  @Test
  void aDryRunSaysPerUserWhatExtendingWouldDoAndChangesNothing() {
    List<UserActions.Outcome> preview = usher.userActions().extend(List.of(ann, cat), 7, true);

    assertThat(preview)
        .extracting(o -> o.who() + ": " + o.what())
        .containsExactly(
            "ann@example.com: +7 days of Monthly, until 29 December 2026",
            "cat@example.com: has never paid, so there is no plan to extend");
    assertThat(preview).extracting(UserActions.Outcome::done).containsExactly(true, false);
    assertThat(usher.payments().forUser(ann)).hasSize(1);
  }

  @Test
  void extendingGivesFreeDaysAfterThePaidTimeOnTheCurrentPlanForEveryoneChosen() {
    usher.userActions().extend(List.of(ann, bob), 7, false);

    for (long id : new long[] {ann, bob}) {
      assertThat(usher.payments().forUser(id))
          .hasSize(2)
          .last()
          .satisfies(
              p -> {
                assertThat(p.spec().source()).isEqualTo(PaymentSource.CREDIT);
                assertThat(p.spec().amount().minor()).isZero();
                assertThat(p.period().start()).isEqualTo(Instant.parse("2026-12-22T10:00:00Z"));
                assertThat(p.period().end())
                    .isEqualTo(Instant.parse("2026-12-22T10:00:00Z").plus(Duration.ofDays(7)));
              });
    }
  }

  @Test
  void daysOutsideOneToTenYearsAreRefusedWithNothingWritten() {
    assertThatThrownBy(() -> usher.userActions().extend(List.of(ann), 0, false))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Give from 1 to 3650 days, not 0.");
    assertThatThrownBy(() -> usher.userActions().extend(List.of(ann), 3651, false))
        .isInstanceOf(ValidationException.class);
    assertThat(usher.payments().forUser(ann)).hasSize(1);
  }

  @Test
  void aReminderIsQueuedForActiveUsersAndTheOthersAreSaidToBeSkipped() {
    List<UserActions.Outcome> done = usher.userActions().remind(List.of(ann, cat), false);

    assertThat(done)
        .extracting(o -> o.who() + ": " + o.what())
        .containsExactly(
            "ann@example.com: reminded that access ends on 22 December 2026",
            "cat@example.com: has no paid time running to be reminded of");
    assertThat(usher.outbox().pending())
        .filteredOn(i -> i.payload().contains("ann@example.com"))
        .isNotEmpty();
    assertThat(usher.outbox().pending())
        .noneSatisfy(i -> assertThat(i.payload()).contains("cat@example.com"));
  }
}

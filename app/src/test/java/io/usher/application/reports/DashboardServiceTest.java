package io.usher.application.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.payments.ManualPayment;
import io.usher.domain.money.Money;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's figures, lists and checklist on a real ledger. */
class DashboardServiceTest {
  static final Instant NOW = Instant.parse("2026-12-10T10:00:00Z");
  static final ZoneId UTC = ZoneId.of("UTC");

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  AppContext usher;

  @BeforeEach
  void open() {
    usher = new AppContext(dataDir, clock, s -> new FakeMediaServers());
  }

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void aNewLedgerShowsNoMoneyAndEveryStepToDo() {
    DashboardService.Overview o = usher.dashboard().overview(UTC);

    assertThat(o.revenue().thisMonth()).isEqualTo(Money.zero(Money.currency("USD")));
    assertThat(o.setUp()).isFalse();
    assertThat(o.checklist())
        .filteredOn(c -> !c.done())
        .extracting(DashboardService.Check::label)
        .contains(
            "Link a media server",
            "Create a plan",
            "Set up email",
            "Set up a payment provider",
            "Give the checkout a public address");
    assertThat(o.expiring()).isEmpty();
    assertThat(o.recent()).isEmpty();
  }

  @Test
  void activeUsersAreCountedAtEachMonthsEndAndNow() {
    Fixtures.monthly(usher, "Monthly", "12.50");
    usher.users().create(UserSpec.withEmail("ann@example.com"));
    usher.users().create(UserSpec.withEmail("bob@example.com"));
    // Ann paid for September 15 to October 15; Bob pays from now on.
    usher
        .payments()
        .record(
            new ManualPayment(
                "ann@example.com",
                "Monthly",
                null,
                "sep",
                null,
                null,
                Instant.parse("2026-09-15T00:00:00Z"),
                Instant.parse("2026-10-15T00:00:00Z"),
                null));
    usher.payments().record(ManualPayment.of("bob@example.com", "Monthly"));

    List<DashboardService.ActiveUsers> active = usher.dashboard().overview(UTC).activeUsers();

    assertThat(active).hasSize(12);
    assertThat(active.getFirst().month()).isEqualTo(java.time.YearMonth.of(2026, 1));
    assertThat(active)
        .filteredOn(a -> a.users() > 0)
        .extracting(a -> a.month().toString() + "=" + a.users())
        .containsExactly("2026-09=1", "2026-12=1");
  }

  @Test
  void newCustomersAreThoseWhoJoinedThisMonthAndPaidNotAccountsSyncFound() {
    Fixtures.monthly(usher, "Monthly", "12.50");
    clock.set(NOW.minus(Duration.ofDays(60)));
    usher.users().create(UserSpec.withEmail("old@example.com"));
    usher.payments().record(ManualPayment.of("old@example.com", "Monthly"));
    clock.set(NOW.minus(Duration.ofDays(3)));
    usher.users().create(UserSpec.withEmail("new@example.com"));
    usher.payments().record(ManualPayment.of("new@example.com", "Monthly"));
    usher.users().create(UserSpec.withEmail("nopay@example.com"));
    clock.set(NOW);

    assertThat(usher.dashboard().overview(UTC).signUps())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.label()).isEqualTo("new@example.com");
              assertThat(u.joined()).isEqualTo(NOW.minus(Duration.ofDays(3)));
            });
  }

  @Test
  void paymentsShowAsRevenueRecentPaymentsAndWhoExpiresThisWeek() {
    Fixtures.monthly(usher, "Monthly", "12.50");
    usher.users().create(UserSpec.withEmail("ann@example.com"));
    usher.users().create(UserSpec.withEmail("bob@example.com"));
    usher
        .payments()
        .record(
            new ManualPayment(
                "ann@example.com",
                "Monthly",
                null,
                "old-1",
                null,
                null,
                NOW.minus(Duration.ofDays(27)),
                null,
                null));
    usher.payments().record(ManualPayment.of("bob@example.com", "Monthly"));

    DashboardService.Overview o = usher.dashboard().overview(UTC);

    // ann's payment started on 13 November: last month's; bob's is this month's.
    assertThat(o.revenue().thisMonth()).isEqualTo(new Money(1250, Money.currency("USD")));
    assertThat(o.revenue().lastMonth()).isEqualTo(new Money(1250, Money.currency("USD")));
    assertThat(o.revenue().byPlan())
        .containsEntry("Monthly", new Money(2500, Money.currency("USD")));
    assertThat(o.expiring()).extracting(u -> u.email()).containsExactly("ann@example.com");
    assertThat(o.recent()).hasSize(2);
    assertThat(o.checklist())
        .filteredOn(c -> c.label().equals("Create a plan"))
        .singleElement()
        .satisfies(c -> assertThat(c.done()).isTrue());
  }

  @Test
  void aMailWaitingOverAnHourIsAProblemAndUnticksTheChecklist() {
    usher.outbox().enqueue("mail", "to=ann%40example.com");
    clock.advance(Duration.ofMinutes(61));

    DashboardService.Overview o = usher.dashboard().overview(UTC);

    assertThat(o.problems())
        .singleElement()
        .satisfies(p -> assertThat(p).startsWith("A mail has waited since"));
    assertThat(o.checklist())
        .filteredOn(c -> c.label().equals("No mail stuck"))
        .singleElement()
        .satisfies(c -> assertThat(c.done()).isFalse());
  }
}

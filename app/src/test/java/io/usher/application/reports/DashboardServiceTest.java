package io.usher.application.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.usher.app.AppContext;
import io.usher.application.payments.ManualPayment;
import io.usher.domain.common.UsherException;
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
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's figures, lists and checklist on a real ledger. */
class DashboardServiceTest {
  static final Instant NOW = Instant.parse("2026-12-10T10:00:00Z");
  static final ZoneId UTC = ZoneId.of("UTC");

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dataDir;
  @StartStop final MockWebServer stripe = new MockWebServer();
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
            "Set up email and send a test",
            "Set up and test a payment provider",
            "Give the checkout a public address");
    assertThat(o.expiring()).isEmpty();
    assertThat(o.recent()).isEmpty();
  }

  @Test
  void emailIsDoneOnceATestMailWentOutWithTheSettingsAsTheyAreNow() {
    usher.settings().set("smtp.host", "127.0.0.1");
    usher.settings().set("smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
    usher.settings().set("smtp.security", "none");
    usher.settings().set("smtp.from", "usher@example.com");
    assertThat(step("Set up email and send a test"))
        .satisfies(c -> assertThat(c.done()).isFalse())
        .extracting(DashboardService.Check::hint)
        .asString()
        .startsWith("Send a test mail");

    usher.tests().mail("owner@example.com");
    assertThat(step("Set up email and send a test").done()).isTrue();

    usher.settings().set("smtp.from", "shop@example.com");
    assertThat(step("Set up email and send a test").done())
        .as("tested with other values")
        .isFalse();
  }

  @Test
  void aPaymentProviderIsDoneOnceItsKeysWereTestedAndARefusedKeyLeavesItUndone() {
    usher.settings().set("stripe.api-url", stripe.url("/").toString().replaceAll("/$", ""));
    usher.settings().set("stripe.secret-key", "sk_test_51abc9876");
    stripe.enqueue(
        new MockResponse.Builder()
            .code(401)
            .addHeader("Content-Type", "application/json")
            .body("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid\"}}")
            .build());
    assertThatThrownBy(() -> usher.tests().stripe()).isInstanceOf(UsherException.class);
    assertThat(step("Set up and test a payment provider").done()).isFalse();

    stripe.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body("{\"object\":\"balance\",\"livemode\":false,\"available\":[],\"pending\":[]}")
            .build());
    usher.tests().stripe();
    assertThat(step("Set up and test a payment provider").done()).isTrue();

    usher.settings().set("stripe.secret-key", "sk_test_51other");
    assertThat(step("Set up and test a payment provider").done()).isFalse();
  }

  @Test
  void aServerThatRefusesItsTokenFailsTheTokensCheckAndSaysWhy() {
    FakeMediaServers media = new FakeMediaServers();
    FakeMediaServers.Fake den = media.server("http://den:8096");
    usher.close();
    usher = new AppContext(dataDir, clock, s -> media);
    usher
        .servers()
        .addMediaBrowser(io.usher.domain.media.ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    usher.jobs().run("tokens", false);
    assertThat(step("Every server's token works").done()).isTrue();

    den.failTest =
        new io.usher.domain.media.MediaServerException(
            io.usher.domain.media.MediaServerException.Kind.UNAUTHORIZED,
            "Den refused the API key.");
    assertThatThrownBy(() -> usher.jobs().run("tokens", false))
        .hasMessageContaining("Den refused the API key.");

    assertThat(step("Every server's token works").done()).isFalse();
    assertThat(step("Every job ran fine").done()).as("said once, by the token step").isTrue();
  }

  private DashboardService.Check step(String label) {
    return usher.dashboard().overview(UTC).checklist().stream()
        .filter(c -> c.label().equals(label))
        .findFirst()
        .orElseThrow();
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

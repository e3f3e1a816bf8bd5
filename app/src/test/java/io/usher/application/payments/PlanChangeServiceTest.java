package io.usher.application.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.app.AppContext;
import io.usher.domain.common.UsherException;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.ledger.Period;
import io.usher.domain.ledger.TxnRef;
import io.usher.domain.ledger.UserRow;
import io.usher.domain.media.ServerKind;
import io.usher.domain.money.Money;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanSpec;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** usher plan change on a real ledger: the FAQ's example, the credit, and every refusal. */
class PlanChangeServiceTest {
  // A month from now is 30 days, as in the FAQ.
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final Duration DAY = Duration.ofDays(1);

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;
  PlanChangeService changes;

  @BeforeEach
  void open() {
    usher = open(dataDir);
    media.server("http://den:8096").library("f1", "Movies");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    Fixtures.everyLibraryIn(usher, "Standard");
    usher.plans().create(plan("Premium", "30.00", "USD", PlanDuration.days(30), 1));
    usher.plans().create(plan("Basic", "15.00", "USD", PlanDuration.months(1), 0));
    usher.users().create(user("ann@example.com", false));
    paid("ann@example.com", "Premium", "pi_1", NOW.minus(DAY.multipliedBy(25)));
    changes = usher.planChanges();
  }

  @AfterEach
  void close() {
    usher.close();
  }

  static PlanSpec plan(String name, String price, String currency, PlanDuration d, int subs) {
    return new PlanSpec(
        name,
        Money.parse(price, Money.currency(currency)),
        d,
        List.of("Standard"),
        2,
        false,
        true,
        null,
        false,
        false,
        false,
        subs,
        null);
  }

  static UserSpec user(String email, boolean permanent) {
    return new UserSpec(email, null, permanent, false, null, null, null, null);
  }

  void paid(String email, String plan, String txn, Instant start) {
    usher
        .payments()
        .record(new ManualPayment(email, plan, null, txn, null, null, start, null, null));
  }

  List<Payment> paymentsOf(String email) {
    return usher.payments().forUser(usher.users().byEmail(email).id());
  }

  Payment payment(String txn, int seq) {
    return usher.queries().payments(PaymentFilter.ALL).stream()
        .filter(p -> p.txn().equals(txn) && p.seq() == seq)
        .findFirst()
        .map(p -> byRef(p.userId(), new TxnRef(txn, seq)))
        .orElseThrow();
  }

  Payment byRef(long userId, TxnRef ref) {
    return usher.payments().forUser(userId).stream()
        .filter(p -> p.ref().equals(ref))
        .findFirst()
        .orElseThrow();
  }

  String ledger() {
    return List.of(
            usher.queries().users(),
            usher.queries().payments(PaymentFilter.ALL),
            usher.outbox().pending())
        .toString();
  }

  @Test
  void theFaqsExampleEndsThePaymentAndCreditsTenDaysWithoutNewMoney() {
    List<Money> totals = usher.queries().totals(PaymentFilter.ALL);

    PlanChangeService.Result result = changes.change("Ann@Example.com", "Basic", false);

    assertThat(result.sentence())
        .startsWith(
            "30.00 USD for 30 days, 5 days unused → 5.00 USD credit → 10 days on Basic (15.00 USD"
                + " per 1 month). ann@example.com moved from Premium to Basic until "
                + NOW.plus(DAY.multipliedBy(10)));
    Payment ended = payment("pi_1", 1);
    assertThat(ended.period()).isEqualTo(new Period(NOW.minus(DAY.multipliedBy(25)), NOW));
    assertThat(ended.spec().amount()).isEqualTo(Money.parse("30.00", Money.currency("USD")));
    assertThat(ended.spec().notes()).isEqualTo("ended early: moved to Basic, credit 5.00 USD");
    Payment credit = payment("credit-pi_1", 1);
    assertThat(credit.spec().source()).isEqualTo(PaymentSource.CREDIT);
    assertThat(credit.spec().amount().minor()).isZero();
    assertThat(credit.period()).isEqualTo(new Period(NOW, NOW.plus(DAY.multipliedBy(10))));
    assertThat(credit.spec().planId()).isEqualTo(usher.plans().byName("Basic").id());
    assertThat(credit.spec().notes()).startsWith("Credit of 5.00 USD from payment pi_1 on Premium");
    // The money was received once, by pi_1: the totals do not count the credit again.
    assertThat(usher.queries().totals(PaymentFilter.ALL)).isEqualTo(totals);
    UserRow ann = usher.queries().users().getFirst();
    assertThat(ann.plan()).isEqualTo("Basic");
    assertThat(ann.expires()).isEqualTo(NOW.plus(DAY.multipliedBy(10)));
    assertThat(result.notices()).containsExactly("The share on Jellyfin server Den is queued.");
    assertThat(usher.queries().history("user", ann.id()))
        .anyMatch(
            e -> e.action().equals("plan changed") && e.detail().startsWith("Premium → Basic"));
    assertThat(usher.queries().history("payment", ended.id()))
        .anyMatch(e -> e.action().equals("ended early"));
  }

  @Test
  void aDryRunSaysTheSameAndChangesNothing() {
    String before = ledger();

    PlanChangeService.Result result = changes.change("ann@example.com", "Basic", true);

    assertThat(result.applied()).isFalse();
    assertThat(result.sentence())
        .contains("5.00 USD credit → 10 days on Basic")
        .contains("Dry run, nothing changed: ann@example.com would move from Premium to Basic");
    assertThat(ledger()).isEqualTo(before);
  }

  @Test
  void aCreditIsWorthItsTimeAtItsPlansPriceWhenThePlanChangesAgain() {
    changes.change("ann@example.com", "Basic", false);
    clock.advance(DAY.multipliedBy(5));

    PlanChangeService.Result back = changes.change("ann@example.com", "Premium", false);

    // 10 days of Basic are worth 5.00; half of them are left: 2.50 buys 2.5 days of Premium.
    assertThat(back.change().credit()).isEqualTo(Money.parse("2.50", Money.currency("USD")));
    Instant now = NOW.plus(DAY.multipliedBy(5));
    assertThat(payment("credit-credit-pi_1", 1).period())
        .isEqualTo(new Period(now, now.plus(Duration.ofHours(60))));
    assertThat(usher.queries().totals(PaymentFilter.ALL))
        .containsExactly(Money.parse("30.00", Money.currency("USD")));
  }

  @Test
  void aSubAccountIsPointedAtItsMaster() {
    usher.users().create(user("max@example.com", false));
    paid("max@example.com", "Premium", "pi_2", NOW.minus(DAY.multipliedBy(40)));
    usher.links().link("max@example.com", "ann@example.com");

    assertThatThrownBy(() -> changes.change("ann@example.com", "Basic", false))
        .hasMessage(
            "ann@example.com is a linked sub-account: its payments are copies of"
                + " max@example.com's, so change the master's plan instead.");
  }

  @Test
  void aMastersCopiesEndWithItsPaymentAndTheCreditIsCopied() {
    usher.plans().create(plan("Duo", "15.00", "USD", PlanDuration.months(1), 1));
    usher.users().create(user("max@example.com", false));
    usher.users().create(user("kid@example.com", false));
    paid("max@example.com", "Premium", "pi_0", NOW.minus(DAY.multipliedBy(60)));
    usher.links().link("max@example.com", "kid@example.com");
    paid("max@example.com", "Premium", "pi_2", NOW.minus(DAY.multipliedBy(25)));
    String before = ledger();

    assertThatThrownBy(() -> changes.change("max@example.com", "Basic", false))
        .hasMessage(
            "Plan Basic allows 0 linked sub-accounts and max@example.com has 1: unlink some first"
                + " or choose another plan.");
    assertThat(ledger()).isEqualTo(before);

    changes.change("max@example.com", "Duo", false);

    assertThat(paymentsOf("kid@example.com"))
        .extracting(p -> p.ref().toString(), Payment::period)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "pi_2 #2", new Period(NOW.minus(DAY.multipliedBy(25)), NOW)),
            org.assertj.core.groups.Tuple.tuple(
                "credit-pi_2 #2", new Period(NOW, NOW.plus(DAY.multipliedBy(10)))));
  }

  @Test
  void refusesWithOneSentenceAndLeavesTheLedgerAsItWas() {
    usher.plans().create(plan("Euro", "15.00", "EUR", PlanDuration.months(1), 0));
    usher.users().create(user("vip@example.com", true));
    usher.users().create(user("gone@example.com", false));
    paid("gone@example.com", "Premium", "pi_3", NOW.minus(DAY.multipliedBy(45)));
    usher.users().create(user("ahead@example.com", false));
    paid("ahead@example.com", "Premium", "pi_4", NOW.minus(DAY));
    paid("ahead@example.com", "Premium", "pi_5", null);
    String before = ledger();

    assertRefused("bob@example.com", "Basic", "There is no user with email bob@example.com.");
    assertRefused("ann@example.com", "Gold", "There is no plan named 'Gold'.");
    assertRefused("bob@example", "Basic", "'bob@example' is not a valid email address.");
    // Without an @ it names a user by name (UserLookup): no one is called that.
    assertRefused(
        "not an email",
        "Basic",
        "No user is called 'not an email': give their email, their #ID from `usher users`, or"
            + " their name or server account name.");
    assertRefused("ann@example.com", " ", "Name the plan to move the user to.");
    assertRefused("ann@example.com", "Premium", "ann@example.com is already on Premium.");
    assertRefused(
        "ann@example.com",
        "Euro",
        "Plan Euro is priced in EUR and the current payment is in USD: a credit cannot move"
            + " between currencies.");
    assertRefused(
        "vip@example.com",
        "Basic",
        "vip@example.com is permanent: there is no paid time to move to another plan.");
    assertRefused(
        "gone@example.com",
        "Basic",
        "gone@example.com has no payment running now: record a payment on the new plan instead.");
    assertRefused(
        "ahead@example.com",
        "Basic",
        "ahead@example.com has more than one payment after now (pi_5 runs "
            + NOW.plus(DAY.multipliedBy(29))
            + " – "
            + NOW.plus(DAY.multipliedBy(59))
            + "): edit them into one before changing the plan.");
    assertThat(ledger()).isEqualTo(before);
  }

  void assertRefused(String email, String plan, String sentence) {
    assertThatThrownBy(() -> changes.change(email, plan, false))
        .isInstanceOf(UsherException.class)
        .hasMessage(sentence);
  }

  /** The ledger the test works on; the PostgreSQL run of this suite opens its own there. */
  protected AppContext open(Path dataDir) {
    return new AppContext(dataDir, null, clock, s -> media);
  }
}

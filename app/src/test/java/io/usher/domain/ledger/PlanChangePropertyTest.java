package io.usher.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.ConflictException;
import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanSpec;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No money appears or disappears in a plan change beyond the rounding the class promises: the used
 * part and the credit add up to what was paid, and the time bought is worth the credit to within a
 * minor unit.
 */
class PlanChangePropertyTest {
  static final Currency USD = Money.currency("USD");
  static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  record Case(long paid, Period period, Instant now, Plan to) {}

  @Property(tries = 2000)
  void theUsedPartAndTheCreditAddUpToWhatWasPaid(@ForAll("changes") Case c) {
    long paidSeconds = seconds(c.period().start(), c.period().end());
    long usedSeconds = seconds(c.period().start(), c.now());
    // The used part rounds up exactly where the credit rounds down.
    long usedValue = ceil(c.paid(), usedSeconds, paidSeconds);
    if (usedValue == c.paid()) {
      assertThatThrownBy(() -> change(c)).isInstanceOf(ConflictException.class);
      return;
    }
    PlanChange change = change(c);

    assertThat(usedValue + change.credit().minor()).isEqualTo(c.paid());
    assertThat(change.used()).isEqualTo(new Period(c.period().start(), c.now()));
    assertThat(change.credited().start()).isEqualTo(c.now());
  }

  @Property(tries = 2000)
  void theTimeBoughtIsWorthTheCreditToWithinAMinorUnit(@ForAll("changes") Case c) {
    long usedSeconds = seconds(c.period().start(), c.now());
    long paidSeconds = seconds(c.period().start(), c.period().end());
    if (ceil(c.paid(), usedSeconds, paidSeconds) == c.paid()) {
      return;
    }
    PlanChange change = change(c);
    long credit = change.credit().minor();
    long bought = seconds(change.credited().start(), change.credited().end());
    long planSeconds = seconds(c.now(), c.to().duration().addTo(c.now()));

    // credit − price × bought / planSeconds, kept exact by multiplying through: in [0, 1).
    BigInteger shortfall =
        BigInteger.valueOf(credit)
            .multiply(BigInteger.valueOf(planSeconds))
            .subtract(
                BigInteger.valueOf(c.to().price().minor()).multiply(BigInteger.valueOf(bought)));
    assertThat(shortfall).isNotNegative().isLessThan(BigInteger.valueOf(planSeconds));
    assertThat(PlanChange.worth(c.to().price(), c.to().duration(), change.credited()).minor())
        .isBetween(credit - 1, credit);
  }

  static PlanChange change(Case c) {
    return PlanChange.of(new Money(c.paid(), USD), c.period(), c.to(), c.now());
  }

  @Provide
  Arbitrary<Case> changes() {
    Arbitrary<PlanDuration> durations =
        Arbitraries.oneOf(
            Arbitraries.integers().between(1, 400).map(PlanDuration::days),
            Arbitraries.integers().between(1, 12).map(PlanDuration::months));
    // At most 500.00 a plan of at least a day: under a minor unit a second, the class's bound.
    Arbitrary<Long> prices = Arbitraries.longs().between(1, 50_000);
    Arbitrary<Long> starts = Arbitraries.longs().between(0, 5L * 365 * 86_400);
    Arbitrary<Long> lengths = Arbitraries.longs().between(2, 400L * 86_400);
    return Combinators.combine(durations, prices, starts, lengths)
        .flatAs(
            (duration, price, start, length) -> {
              Period period =
                  new Period(EPOCH.plusSeconds(start), EPOCH.plusSeconds(start + length));
              // Up to twenty plans' worth, so the time bought ends well before 2200.
              return Combinators.combine(
                      Arbitraries.longs().between(0, price * 20),
                      Arbitraries.longs().between(1, length - 1))
                  .as(
                      (paid, used) ->
                          new Case(
                              paid,
                              period,
                              period.start().plusSeconds(used),
                              plan(new Money(price, USD), duration)));
            });
  }

  static Plan plan(Money price, PlanDuration duration) {
    return new Plan(
        1,
        new PlanSpec(
            "New",
            price,
            duration,
            List.of("Standard"),
            1,
            false,
            true,
            null,
            false,
            false,
            false,
            0,
            null));
  }

  static long seconds(Instant from, Instant to) {
    return Duration.between(from, to).toSeconds();
  }

  static long ceil(long a, long b, long c) {
    BigInteger[] qr =
        BigInteger.valueOf(a)
            .multiply(BigInteger.valueOf(b))
            .divideAndRemainder(BigInteger.valueOf(c));
    return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
  }
}

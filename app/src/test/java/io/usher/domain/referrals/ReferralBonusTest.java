package io.usher.domain.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanDuration;
import io.usher.testing.Fixtures;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferralBonusTest {
  static final Instant JUNE = Instant.parse("2026-06-01T00:00:00Z");
  static final long DAY = 86_400;

  static Plan plan(String price, String currency, PlanDuration duration) {
    return plan(Money.parse(price, Money.currency(currency)), duration);
  }

  static Plan plan(Money price, PlanDuration duration) {
    return new Plan(3, Fixtures.plan("Basic", price, duration, 0, null));
  }

  static Money usd(String amount) {
    return Money.parse(amount, Money.currency("USD"));
  }

  @ParameterizedTest(name = "{0}% of {1} USD on 15.00 a month, {2}–{3} days → {4} days")
  @CsvSource({
    // 10% of 15.00 = 1.50 → a tenth of a 30-day month
    "10, 15.00, 1, 30, 3",
    // 10% of 3.00 = 0.30 → 0.6 days, raised to the minimum
    "10, 3.00, 1, 30, 1",
    // 100% of 150.00 buys 300 days, held to the maximum
    "100, 150.00, 1, 30, 30",
    // a maximum below the minimum counts as the minimum
    "100, 150.00, 5, 2, 5",
  })
  void thePercentBuysDaysOfTheReferrersPlanWithinTheBounds(
      int percent, String paid, int min, int max, long days) {
    ReferralBonus bonus =
        ReferralBonus.of(
            usd(paid),
            new ReferralTerms(percent, min, max),
            plan("15.00", "USD", PlanDuration.months(1)),
            JUNE);

    assertThat(bonus.seconds()).isEqualTo(days * DAY);
  }

  @ParameterizedTest
  @CsvSource({"EUR, 15.00, which is not in EUR", "USD, 0, is free"})
  void aPlanInAnotherCurrencyOrAFreePlanEarnsTheMinimum(String currency, String price, String why) {
    ReferralBonus bonus =
        ReferralBonus.of(
            usd("15.00"),
            new ReferralTerms(10, 2, 30),
            plan(price, currency, PlanDuration.months(1)),
            JUNE);

    assertThat(bonus.seconds()).isEqualTo(2 * DAY);
    assertThat(bonus.arithmetic()).contains(why).contains("raised to the minimum of 2 days");
  }

  @ParameterizedTest
  @CsvSource({"10, 1.50 USD → 3 days", "1, 0.15 USD → 7 hours 12 minutes"})
  void theArithmeticIsSpelledOutForTheNotes(int percent, String shown) {
    ReferralBonus bonus =
        ReferralBonus.of(
            usd("15.00"),
            new ReferralTerms(percent, 0, 30),
            plan("15.00", "USD", PlanDuration.months(1)),
            JUNE);

    assertThat(bonus.arithmetic()).contains(shown);
  }

  /**
   * Between the bounds the bonus never gives more time than its share of the payment buys, and
   * misses it by under a second; outside them it is the bound.
   */
  @Property
  void theBonusIsTheShareOfThePaymentRoundedDownOrABound(
      @ForAll @LongRange(min = 0, max = 99_999_999_999L) long paid,
      @ForAll @IntRange(min = 1, max = 100) int percent,
      @ForAll @LongRange(min = 1, max = 99_999_999_999L) long price,
      @ForAll @IntRange(min = 1, max = 24) int months,
      @ForAll @IntRange(min = 0, max = 3650) int min,
      @ForAll @IntRange(min = 0, max = 3650) int max) {
    Plan plan = plan(new Money(price, Money.currency("USD")), PlanDuration.months(months));
    ReferralBonus bonus =
        ReferralBonus.of(
            new Money(paid, Money.currency("USD")),
            new ReferralTerms(percent, min, max),
            plan,
            JUNE);

    long planSeconds = Duration.between(JUNE, plan.duration().addTo(JUNE)).toSeconds();
    BigInteger value = BigInteger.valueOf(paid * percent / 100);
    BigInteger worth = BigInteger.valueOf(bonus.seconds()).multiply(BigInteger.valueOf(price));
    BigInteger bought = value.multiply(BigInteger.valueOf(planSeconds));
    long least = min * DAY;
    long most = Math.max(min, max) * DAY;
    assertThat(bonus.value().minor()).isEqualTo(paid * percent / 100);
    if (bonus.seconds() > least && bonus.seconds() < most) {
      assertThat(worth).isLessThanOrEqualTo(bought);
      assertThat(worth.add(BigInteger.valueOf(price))).isGreaterThan(bought);
    }
    assertThat(bonus.seconds()).isBetween(least, most);
  }
}

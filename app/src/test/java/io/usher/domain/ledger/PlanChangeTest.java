package io.usher.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.ConflictException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanChangeTest {
  static final Instant JUNE = Instant.parse("2026-06-01T00:00:00Z");
  static final Instant JULY = Instant.parse("2026-07-01T00:00:00Z");

  static Plan plan(String name, String price, String currency, PlanDuration duration) {
    return new Plan(
        7,
        new PlanSpec(
            name,
            Money.parse(price, Money.currency(currency)),
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

  static Money money(String amount, String currency) {
    return Money.parse(amount, Money.currency(currency));
  }

  @ParameterizedTest(name = "{0} {1} for June, changed on {2} to {3} {4} → {5} credit, {6}")
  @CsvSource(
      delimiter = '|',
      value = {
        // The seed FAQ: 30 a month with 5 days left is 5, which buys 10 days at 15 a month.
        "30.00 | USD | 2026-06-26T00:00:00Z | 15.00 | P1M | 5.00 | 2026-07-06T00:00:00Z"
            + " | 30.00 USD for 30 days, 5 days unused → 5.00 USD credit → 10 days on New"
            + " (15.00 USD per 1 month)",
        // An upgrade buys fewer days than are left.
        "15.00 | USD | 2026-06-21T00:00:00Z | 30.00 | P1M | 5.00 | 2026-06-26T00:00:00Z"
            + " | 15.00 USD for 30 days, 10 days unused → 5.00 USD credit → 5 days on New"
            + " (30.00 USD per 1 month)",
        // 10.00 × 10 / 30 = 3.333…: the credit rounds down to 3.33, and 3.33 of 10.00 per 30
        // days is 863,136 seconds (9 days 23:45:36).
        "10.00 | USD | 2026-06-21T00:00:00Z | 10.00 | P30D | 3.33 | 2026-06-30T23:45:36Z"
            + " | 10.00 USD for 30 days, 10 days unused → 3.33 USD credit → 9 days 23 hours on New"
            + " (10.00 USD per 30 days)",
        // A currency without minor units.
        "3000 | JPY | 2026-06-26T00:00:00Z | 1500 | P30D | 500 | 2026-07-06T00:00:00Z"
            + " | 3000 JPY for 30 days, 5 days unused → 500 JPY credit → 10 days on New"
            + " (1500 JPY per 30 days)",
        // Half a day left.
        "30.00 | USD | 2026-06-30T12:00:00Z | 30.00 | P1M | 0.50 | 2026-07-01T00:00:00Z"
            + " | 30.00 USD for 30 days, 12 hours unused → 0.50 USD credit → 12 hours on New"
            + " (30.00 USD per 1 month)"
      })
  void creditsTheUnusedPartAtTheNewPlansPrice(
      String paid,
      String currency,
      String now,
      String price,
      String duration,
      String credit,
      String creditedUntil,
      String arithmetic) {
    PlanDuration d =
        duration.endsWith("M")
            ? PlanDuration.months(Integer.parseInt(duration.substring(1, duration.length() - 1)))
            : PlanDuration.days(Integer.parseInt(duration.substring(1, duration.length() - 1)));
    Instant at = Instant.parse(now);

    PlanChange change =
        PlanChange.of(
            money(paid, currency), new Period(JUNE, JULY), plan("New", price, currency, d), at);

    assertThat(change.used()).isEqualTo(new Period(JUNE, at));
    assertThat(change.credit()).isEqualTo(money(credit, currency));
    assertThat(change.credited()).isEqualTo(new Period(at, Instant.parse(creditedUntil)));
    assertThat(change.arithmetic()).isEqualTo(arithmetic);
  }

  @ParameterizedTest(name = "{0} {1} changed at {2} to {3} {4}: {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        "30.00 | USD | 2026-06-26T00:00:00Z | 15.00 | EUR | priced in EUR and the current"
            + " payment is in USD: a credit cannot move between currencies.",
        "30.00 | USD | 2026-06-26T00:00:00Z | 0 | USD | Plan New is free: a credit buys no time",
        "0 | USD | 2026-06-26T00:00:00Z | 15.00 | USD | worth less than one minor unit of USD",
        "0.01 | USD | 2026-06-26T00:00:00Z | 15.00 | USD | worth less than one minor unit of USD",
        "30.00 | USD | 2026-06-01T00:00:00Z | 15.00 | USD | starts now, so none of it is used",
        "30.00 | USD | 2026-06-30T23:59:59.5Z | 15.00 | USD | ends within a second: nothing is left",
        "30.00 | USD | 2026-07-01T00:00:00Z | 15.00 | USD | only a current payment can be moved",
        "30.00 | USD | 2026-06-26T00:00:00Z | 999999999 | USD | buys less than a second of plan New"
      })
  void refusesWithOneSentence(
      String paid, String currency, String now, String price, String planCurrency, String why) {
    Plan to = plan("New", price, planCurrency, PlanDuration.days(1));

    assertThatThrownBy(
            () ->
                PlanChange.of(
                    money(paid, currency), new Period(JUNE, JULY), to, Instant.parse(now)))
        .isInstanceOfAny(ConflictException.class, ValidationException.class)
        .hasMessageContaining(why);
  }

  @Test
  void aPeriodIsWorthItsShareOfThePlansPrice() {
    Money price = money("15.00", "USD");
    Period tenDaysOfJune = new Period(JUNE, Instant.parse("2026-06-11T00:00:00Z"));

    assertThat(PlanChange.worth(price, PlanDuration.months(1), tenDaysOfJune))
        .isEqualTo(money("5.00", "USD"));
    assertThat(PlanChange.worth(price, PlanDuration.days(7), new Period(JUNE, JULY)))
        .isEqualTo(money("64.28", "USD"));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0 seconds",
    "59, 59 seconds",
    "60, 1 minute",
    "3661, 1 hour 1 minute",
    "86400, 1 day",
    "90061, 1 day 1 hour",
    "2592000, 30 days"
  })
  void readsSpansAsPeopleDo(long seconds, String words) {
    assertThat(PlanChange.span(seconds)).isEqualTo(words);
  }
}

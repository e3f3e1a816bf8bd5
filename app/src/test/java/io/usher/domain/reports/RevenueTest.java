package io.usher.domain.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.ledger.Period;
import io.usher.domain.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevenueTest {
  static final Currency USD = Currency.getInstance("USD");
  static final Currency EUR = Currency.getInstance("EUR");
  static final YearMonth DECEMBER = YearMonth.of(2026, 12);
  static final ZoneId UTC = ZoneId.of("UTC");

  static RevenueDay day(String date, PaymentSource source, String plan, long minor, Currency c) {
    return new RevenueDay(LocalDate.parse(date), source, plan, new Money(minor, c));
  }

  @Test
  void twelveMonthsBySourceWithThisAndLastMonthAndTheOldestDropped() {
    Revenue r =
        Revenue.of(
            List.of(
                day("2026-12-02", PaymentSource.STRIPE, "Monthly", 1000, USD),
                day("2026-12-03", PaymentSource.PAYPAL, "Monthly", 1000, USD),
                day("2026-11-15", PaymentSource.MANUAL, "Yearly", 9000, USD),
                day("2025-12-31", PaymentSource.STRIPE, "Monthly", 5000, USD)),
            List.of(),
            DECEMBER,
            UTC,
            USD);

    assertThat(r.months()).hasSize(12);
    assertThat(r.months().getFirst().month()).isEqualTo(YearMonth.of(2026, 1));
    assertThat(r.thisMonth()).isEqualTo(new Money(2000, USD));
    assertThat(r.lastMonth()).isEqualTo(new Money(9000, USD));
    assertThat(r.months().getLast().bySource())
        .containsEntry(PaymentSource.STRIPE, new Money(1000, USD))
        .containsEntry(PaymentSource.PAYPAL, new Money(1000, USD));
    assertThat(r.byPlan().keySet()).containsExactly("Yearly", "Monthly");
  }

  @Test
  void theCurrencyMostMoneyCameInIsUsedAndTheOthersAreNamedNotAdded() {
    Revenue r =
        Revenue.of(
            List.of(
                day("2026-12-02", PaymentSource.STRIPE, "Monthly", 1000, USD),
                day("2026-12-02", PaymentSource.STRIPE, "Monthly", 5000, EUR)),
            List.of(),
            DECEMBER,
            UTC,
            USD);

    assertThat(r.currency()).isEqualTo(EUR);
    assertThat(r.thisMonth()).isEqualTo(new Money(5000, EUR));
    assertThat(r.otherCurrencies()).containsExactly(new Money(1000, USD));
  }

  @Test
  void aUtcDayFallsInTheOwnersMonth() {
    // Noon UTC on 30 November is already 1 December on Kiritimati (UTC+14).
    Revenue r =
        Revenue.of(
            List.of(day("2026-11-30", PaymentSource.STRIPE, "Monthly", 1000, USD)),
            List.of(),
            DECEMBER,
            ZoneId.of("Pacific/Kiritimati"),
            USD);

    assertThat(r.thisMonth()).isEqualTo(new Money(1000, USD));
  }

  @Test
  void recurringRevenueSpreadsEachRunningSubscriptionOverAnAverageMonth() {
    Instant start = Instant.parse("2026-12-01T00:00:00Z");
    Revenue r =
        Revenue.of(
            List.of(),
            List.of(
                // 120.00 a year is 10.00 a month; 10.00 for exactly an average month is 10.00.
                new RunningSubscription(
                    new Money(12000, USD), new Period(start, start.plusSeconds(12L * 2_629_800))),
                new RunningSubscription(
                    new Money(1000, USD), new Period(start, start.plusSeconds(2_629_800))),
                new RunningSubscription(
                    new Money(700, EUR), new Period(start, start.plusSeconds(2_629_800)))),
            DECEMBER,
            UTC,
            USD);

    assertThat(r.recurring()).isEqualTo(new Money(2000, USD));
    assertThat(r.thisMonth()).isEqualTo(Money.zero(USD));
    assertThat(r.byPlan()).isEmpty();
  }
}

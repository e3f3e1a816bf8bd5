package io.usher.domain.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.domain.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceTagTest {
  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({
    "12.50, USD, $12.50",
    "10, EUR, €10",
    "10.00, GBP, £10",
    "9.90, CHF, CHF 9.90",
    "1500, JPY, ¥1500",
    "0, USD, Free"
  })
  void pricesReadAsCustomersWriteThem(String amount, String currency, String shown) {
    assertThat(PriceTag.price(Money.parse(amount, Money.currency(currency)))).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({
    "1, MONTHS, /month",
    "3, MONTHS, /3 months",
    "12, MONTHS, /year",
    "24, MONTHS, /2 years",
    "7, DAYS, /week",
    "1, DAYS, /day",
    "10, DAYS, /10 days"
  })
  void periodsReadAsPer(int amount, PlanDuration.Unit unit, String shown) {
    assertThat(PriceTag.per(new PlanDuration(amount, unit))).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0} USD for {1} months against {2} a month → {3}/month, save {4}%")
  @CsvSource({"100, 12, 12.50, 8.33, 33", "30, 3, 10, 10.00, 0", "54, 6, 10, 9.00, 10"})
  void aLongerPlanShowsItsMonthAndItsSaving(
      String price, int months, String monthly, String perMonth, int saving) {
    Money p = Money.parse(price, Money.currency("USD"));
    PlanDuration d = PlanDuration.months(months);

    assertThat(PriceTag.perMonth(p, d)).contains(new BigDecimal(perMonth));
    assertThat(PriceTag.saving(p, d, Money.parse(monthly, Money.currency("USD"))))
        .isEqualTo(saving == 0 ? java.util.Optional.empty() : java.util.Optional.of(saving));
  }

  @org.junit.jupiter.api.Test
  void aMonthOrLessHasNoPerMonthFigure() {
    Money ten = Money.parse("10", Money.currency("USD"));
    assertThat(PriceTag.perMonth(ten, PlanDuration.months(1))).isEmpty();
    assertThat(PriceTag.perMonth(ten, PlanDuration.days(30))).isEmpty();
    assertThat(PriceTag.perMonth(ten, PlanDuration.days(90))).isPresent();
  }
}

package io.usher.domain.plans;

import io.usher.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * Prices as a customer reads them on the plans page: "$12.50", "€10", "Free", "/month", "/year",
 * and for a plan longer than a month what it comes to per month and what it saves against the
 * monthly plan.
 */
public final class PriceTag {
  /** A month for per-month figures of plans counted in days: a twelfth of 365.25 days. */
  private static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.4375");

  private PriceTag() {}

  /** "$12.50", "€10", "CHF 9.90"; "Free" for nothing. */
  public static String price(Money money) {
    if (money.minor() == 0) {
      return "Free";
    }
    return amount(money.currency(), decimal(money));
  }

  /** "/month", "/3 months", "/year", "/2 years", "/week", "/day", "/10 days". */
  public static String per(PlanDuration d) {
    int n = d.amount();
    if (d.unit() == PlanDuration.Unit.MONTHS) {
      if (n % 12 == 0) {
        return n == 12 ? "/year" : "/" + n / 12 + " years";
      }
      return n == 1 ? "/month" : "/" + n + " months";
    }
    if (n % 7 == 0) {
      return n == 7 ? "/week" : "/" + n / 7 + " weeks";
    }
    return n == 1 ? "/day" : "/" + n + " days";
  }

  /** What a plan longer than a month comes to per month ("$8.33/month"); empty otherwise. */
  public static Optional<BigDecimal> perMonth(Money price, PlanDuration d) {
    BigDecimal months = months(d);
    if (price.minor() == 0 || months.compareTo(new BigDecimal("1.5")) < 0) {
      return Optional.empty();
    }
    return Optional.of(
        decimal(price)
            .divide(months, price.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP));
  }

  /** {@link #perMonth} as a customer reads it. */
  public static String perMonthText(Money price, BigDecimal perMonth) {
    return amount(price.currency(), perMonth) + "/month";
  }

  /**
   * How much cheaper per month a plan is than {@code monthly}, in whole percent (rounded down);
   * empty when it is not at least 1% cheaper or the currencies differ.
   */
  public static Optional<Integer> saving(Money price, PlanDuration d, Money monthly) {
    if (!price.currency().equals(monthly.currency()) || monthly.minor() == 0) {
      return Optional.empty();
    }
    return perMonth(price, d)
        .map(
            per ->
                BigDecimal.ONE
                    .subtract(per.divide(decimal(monthly), 6, RoundingMode.HALF_UP))
                    .movePointRight(2)
                    .setScale(0, RoundingMode.DOWN)
                    .intValue())
        .filter(p -> p >= 1);
  }

  private static BigDecimal months(PlanDuration d) {
    return d.unit() == PlanDuration.Unit.MONTHS
        ? BigDecimal.valueOf(d.amount())
        : BigDecimal.valueOf(d.amount()).divide(DAYS_PER_MONTH, 6, RoundingMode.HALF_UP);
  }

  private static BigDecimal decimal(Money money) {
    return BigDecimal.valueOf(money.minor(), money.currency().getDefaultFractionDigits());
  }

  private static String amount(java.util.Currency currency, BigDecimal value) {
    String number =
        value.stripTrailingZeros().scale() <= 0
            ? value.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
            : value
                .setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP)
                .toPlainString();
    String symbol = currency.getSymbol(Locale.US);
    if (symbol.equals(currency.getCurrencyCode())) {
      return symbol + " " + number;
    }
    return symbol + number;
  }
}

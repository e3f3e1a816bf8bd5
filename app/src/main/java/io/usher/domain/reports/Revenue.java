package io.usher.domain.reports;

import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.money.Money;
import java.math.BigInteger;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The business in money, for the dashboard: revenue by month (by source, for the chart), this month
 * and last, by plan, and monthly recurring revenue. Figures are in one currency, the one most money
 * came in; what came in others is named beside them rather than added up at a made-up rate.
 *
 * @param currency the currency of every figure
 * @param months the last twelve months, oldest first, each with its revenue by source
 * @param byPlan revenue of the twelve months by plan, largest first
 * @param recurring monthly recurring revenue: each running subscription's payment spread over its
 *     period and taken for an average month (a twelfth of a 365.25-day year)
 * @param otherCurrencies revenue of the twelve months in other currencies
 */
public record Revenue(
    Currency currency,
    List<Month> months,
    Map<String, Money> byPlan,
    Money recurring,
    List<Money> otherCurrencies) {

  /**
   * A month's revenue by source ({@code stripe}, {@code paypal}, {@code manual}, {@code import}).
   */
  public record Month(YearMonth month, Map<PaymentSource, Money> bySource) {
    public Money total(Currency currency) {
      return bySource.values().stream().reduce(Money.zero(currency), Money::plus);
    }
  }

  /** A twelfth of a 365.25-day year. */
  private static final Duration AVERAGE_MONTH = Duration.ofSeconds(2_629_800);

  public Money thisMonth() {
    return months.getLast().total(currency);
  }

  public Money lastMonth() {
    return months.get(months.size() - 2).total(currency);
  }

  /**
   * @param days money received by day, in any currency and order
   * @param running subscription payments whose period runs now
   * @param now the current month in the owner's zone is the last of the twelve
   * @param fallback the currency when nothing was received (the default plan's)
   */
  public static Revenue of(
      List<RevenueDay> days,
      List<RunningSubscription> running,
      YearMonth now,
      ZoneId zone,
      Currency fallback) {
    Map<Currency, Long> perCurrency = new LinkedHashMap<>();
    YearMonth first = now.minusMonths(11);
    for (RevenueDay d : days) {
      if (!YearMonth.from(d.day()).isBefore(first)) {
        perCurrency.merge(d.amount().currency(), d.amount().minor(), Long::sum);
      }
    }
    Currency currency =
        perCurrency.entrySet().stream()
            .max(Map.Entry.<Currency, Long>comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(fallback);
    Map<YearMonth, Map<PaymentSource, Money>> months = new TreeMap<>();
    for (int i = 0; i < 12; i++) {
      months.put(first.plusMonths(i), new LinkedHashMap<>());
    }
    Map<String, Money> byPlan = new LinkedHashMap<>();
    for (RevenueDay d : days) {
      // A UTC day is placed in the owner's month by its noon, so a day's sum lands whole.
      YearMonth month =
          YearMonth.from(d.day().atTime(12, 0).atZone(ZoneId.of("UTC")).withZoneSameInstant(zone));
      Map<PaymentSource, Money> slot = months.get(month);
      if (slot == null || !d.amount().currency().equals(currency)) {
        continue;
      }
      slot.merge(d.source(), d.amount(), Money::plus);
      byPlan.merge(d.plan(), d.amount(), Money::plus);
    }
    List<Month> list = new ArrayList<>();
    months.forEach((m, bySource) -> list.add(new Month(m, Map.copyOf(bySource))));
    Map<String, Money> sortedPlans = new LinkedHashMap<>();
    byPlan.entrySet().stream()
        .sorted(Map.Entry.<String, Money>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> sortedPlans.put(e.getKey(), e.getValue()));
    List<Money> others =
        perCurrency.entrySet().stream()
            .filter(e -> !e.getKey().equals(currency))
            .map(e -> new Money(e.getValue(), e.getKey()))
            .toList();
    return new Revenue(currency, List.copyOf(list), sortedPlans, mrr(running, currency), others);
  }

  private static Money mrr(List<RunningSubscription> running, Currency currency) {
    BigInteger month = BigInteger.valueOf(AVERAGE_MONTH.toSeconds());
    BigInteger sum = BigInteger.ZERO;
    for (RunningSubscription s : running) {
      long seconds = Duration.between(s.period().start(), s.period().end()).toSeconds();
      if (s.amount().currency().equals(currency) && seconds > 0) {
        sum =
            sum.add(
                BigInteger.valueOf(s.amount().minor())
                    .multiply(month)
                    .divide(BigInteger.valueOf(seconds)));
      }
    }
    return new Money(sum.longValueExact(), currency);
  }
}

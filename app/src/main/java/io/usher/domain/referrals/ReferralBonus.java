package io.usher.domain.referrals;

import io.usher.domain.ledger.PlanChange;
import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

/**
 * The time a referral earns on the referrer's plan: {@code percent} of what the referred customer
 * paid, rounded down to a minor unit, buys time at the plan's price, rounded down to a second (as a
 * plan-change credit does), then held between the minimum and maximum days.
 *
 * @param value the share of the payment, in its currency
 * @param seconds the time given, after the minimum and maximum
 * @param arithmetic how it was reached, for the notes of the credit payment and the owner
 */
public record ReferralBonus(Money value, long seconds, String arithmetic) {
  private static final long DAY = 86_400;

  /**
   * @param from when the credited time would start (the plan's months count from there)
   */
  public static ReferralBonus of(Money paid, ReferralTerms terms, Plan plan, Instant from) {
    Money value = new Money(floor(paid.minor(), terms.percent(), 100), paid.currency());
    StringBuilder why =
        new StringBuilder()
            .append(terms.percent())
            .append("% of ")
            .append(paid.display())
            .append(" = ")
            .append(value.display());
    long bought = 0;
    if (!paid.currency().equals(plan.price().currency())) {
      why.append(", which is not in ")
          .append(plan.price().currency().getCurrencyCode())
          .append(" like plan ")
          .append(plan.name());
    } else if (plan.price().minor() == 0) {
      why.append(", and plan ").append(plan.name()).append(" is free");
    } else {
      long planSeconds = Duration.between(from, plan.duration().addTo(from)).toSeconds();
      bought = floor(value.minor(), planSeconds, plan.price().minor());
      why.append(" → ")
          .append(PlanChange.span(bought))
          .append(" of ")
          .append(plan.name())
          .append(" (")
          .append(plan.price().display())
          .append(" per ")
          .append(plan.duration())
          .append(")");
    }
    long least = terms.minDays() * DAY;
    long most = Math.max(terms.minDays(), terms.maxDays()) * DAY;
    long seconds = bought;
    if (bought < least) {
      seconds = least;
      why.append(", raised to the minimum of ").append(PlanChange.span(least));
    } else if (bought > most) {
      seconds = most;
      why.append(", held to the maximum of ").append(PlanChange.span(most));
    }
    return new ReferralBonus(value, seconds, why.toString());
  }

  /**
   * a × b / c rounded down, at most {@link Long#MAX_VALUE} (far above any maximum in days);
   * BigInteger because a large amount times a long plan overflows a long.
   */
  private static long floor(long a, long b, long c) {
    return BigInteger.valueOf(a)
        .multiply(BigInteger.valueOf(b))
        .divide(BigInteger.valueOf(c))
        .min(BigInteger.valueOf(Long.MAX_VALUE))
        .longValueExact();
  }
}

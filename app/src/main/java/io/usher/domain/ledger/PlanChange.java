package io.usher.domain.ledger;

import io.usher.domain.common.ConflictException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanDuration;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Moving a paying user to another plan now (seed FAQ on credits: 30.00 a month with 5 days left is
 * 5.00, which buys 10 days of a 15.00-a-month plan). The current payment ends now; the part of it
 * not yet used becomes a credit that buys time on the new plan at that plan's price.
 *
 * <p>Both steps round down, in integer minor units and whole seconds, so the owner never hands out
 * more than was paid: the credit is short of the exact unused value by less than one minor unit,
 * and the time it buys is short of the credit's worth by less than one second of the new plan
 * (under one minor unit for any plan costing less than one minor unit a second, 864.00 a day).
 * Exact seconds rather than whole days because rounding to a day would move up to a day's price
 * (0.50 on a 15.00 monthly plan) between owner and customer; a period already starts at any second,
 * so ending at any second costs nothing.
 *
 * @param used the current payment after the change: its start until now
 * @param value what the current payment was worth for its whole period
 * @param paidSeconds the length of the current payment's period
 * @param unusedSeconds the part of it after now
 * @param credit the unused part's value
 * @param credited the time the credit buys on the new plan, from now
 * @param plan the new plan's name
 * @param price the new plan's price
 * @param duration the new plan's duration
 */
public record PlanChange(
    Period used,
    Money value,
    long paidSeconds,
    long unusedSeconds,
    Money credit,
    Period credited,
    String plan,
    Money price,
    PlanDuration duration) {

  private static final long MINUTE = 60;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  /**
   * The change of a payment worth {@code value} over {@code paid} to plan {@code to} at {@code
   * now}, which must lie inside {@code paid}.
   */
  public static PlanChange of(Money value, Period paid, Plan to, Instant now) {
    if (!paid.contains(now)) {
      throw new ConflictException(
          "The payment runs from "
              + paid.start()
              + " to "
              + paid.end()
              + ", not now: only a current payment can be moved to another plan.");
    }
    if (!value.currency().equals(to.price().currency())) {
      throw ValidationException.of(
          "plan",
          "Plan "
              + to.name()
              + " is priced in "
              + to.price().currency().getCurrencyCode()
              + " and the current payment is in "
              + value.currency().getCurrencyCode()
              + ": a credit cannot move between currencies.");
    }
    if (to.price().minor() == 0) {
      throw ValidationException.of(
          "plan", "Plan " + to.name() + " is free: a credit buys no time on it.");
    }
    long paidSeconds = seconds(paid.start(), paid.end());
    long unusedSeconds = seconds(now, paid.end());
    if (unusedSeconds == 0) {
      throw new ConflictException(
          "The current payment ends within a second: nothing is left to credit, so record a"
              + " payment on "
              + to.name()
              + " instead.");
    }
    if (!now.isAfter(paid.start())) {
      throw new ConflictException(
          "The current payment starts now, so none of it is used: edit its plan instead.");
    }
    long credit = floor(value.minor(), unusedSeconds, paidSeconds);
    if (credit == 0) {
      throw new ConflictException(
          "What is left of the current payment is worth less than one minor unit of "
              + value.currency().getCurrencyCode()
              + " ("
              + value.display()
              + " for "
              + span(paidSeconds)
              + "): there is no credit to move, so edit its plan instead.");
    }
    long planSeconds = seconds(now, to.duration().addTo(now));
    long bought = floor(credit, planSeconds, to.price().minor());
    if (bought == 0) {
      throw new ConflictException(
          "A credit of "
              + new Money(credit, value.currency()).display()
              + " buys less than a second of plan "
              + to.name()
              + ".");
    }
    return new PlanChange(
        new Period(paid.start(), now),
        value,
        paidSeconds,
        unusedSeconds,
        new Money(credit, value.currency()),
        Period.checked(now, now.plusSeconds(bought)),
        to.name(),
        to.price(),
        to.duration());
  }

  /**
   * What a period on a plan is worth at that plan's price, rounded down: the value of a {@code
   * credit} payment, which records no money of its own.
   */
  public static Money worth(Money price, PlanDuration duration, Period period) {
    long planSeconds = seconds(period.start(), duration.addTo(period.start()));
    long periodSeconds = seconds(period.start(), period.end());
    return new Money(floor(price.minor(), periodSeconds, planSeconds), price.currency());
  }

  /** "30.00 USD for 30 days, 5 days unused → 5.00 USD credit → 10 days on Basic (…)". */
  public String arithmetic() {
    return value.display()
        + " for "
        + span(paidSeconds)
        + ", "
        + span(unusedSeconds)
        + " unused → "
        + credit.display()
        + " credit → "
        + span(seconds(credited.start(), credited.end()))
        + " on "
        + plan
        + " ("
        + price.display()
        + " per "
        + duration
        + ")";
  }

  /**
   * A length as people read it: days and hours, or minutes when under a day. What is left out
   * (seconds, and minutes beside days) is rounded away in the sentence only, never in the ledger.
   */
  public static String span(long seconds) {
    List<String> parts = new ArrayList<>();
    long days = seconds / DAY;
    long hours = seconds % DAY / HOUR;
    long minutes = seconds % HOUR / MINUTE;
    if (days > 0) {
      parts.add(count(days, "day"));
    }
    if (hours > 0) {
      parts.add(count(hours, "hour"));
    }
    if (days == 0 && minutes > 0) {
      parts.add(count(minutes, "minute"));
    }
    return parts.isEmpty() ? count(seconds, "second") : String.join(" ", parts);
  }

  private static String count(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  private static long seconds(Instant from, Instant to) {
    return Duration.between(from, to).toSeconds();
  }

  /**
   * a × b / c rounded down, for non-negative a and b and positive c. BigInteger because an amount
   * near {@link Money#MAX} times a century in seconds does not fit in a long.
   */
  private static long floor(long a, long b, long c) {
    return BigInteger.valueOf(a)
        .multiply(BigInteger.valueOf(b))
        .divide(BigInteger.valueOf(c))
        .longValueExact();
  }
}

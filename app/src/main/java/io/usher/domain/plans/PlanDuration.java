package io.usher.domain.plans;

import io.usher.domain.common.ValidationException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * How long one payment on a plan lasts: whole days, or calendar months.
 *
 * <p>Months are calendar months counted in UTC from the start instant, as a whole, not month by
 * month: Jan 31 + 1 month is the last day of February (28th or 29th, same time of day) and Jan 31 +
 * 2 months is Mar 31. Clamping to the month's end means a customer never gets a period that spills
 * into the month after the one they paid for, and counting from the start (not chaining single
 * months) keeps long periods anchored to the day they began.
 */
public record PlanDuration(int amount, Unit unit) {

  public enum Unit {
    DAYS,
    MONTHS;

    public String label(int amount) {
      String word = this == DAYS ? "day" : "month";
      return amount + " " + word + (amount == 1 ? "" : "s");
    }
  }

  public PlanDuration {
    if (unit == null) {
      throw ValidationException.of("duration", "Choose days or months for the duration.");
    }
    if (amount <= 0) {
      throw ValidationException.of(
          "duration", "The duration must be at least 1 " + (unit == Unit.DAYS ? "day." : "month."));
    }
  }

  /** The longest plan a person may define: a "lifetime" of 100 years still ends before 2200. */
  public static final int MAX_DAYS = 36_500;

  public static final int MAX_MONTHS = 1_200;

  /**
   * A duration as the owner defines a plan: at most {@link #MAX_DAYS} days or {@link #MAX_MONTHS}
   * months, so that a period it makes stays within the years Usher accepts.
   */
  public static PlanDuration entered(int amount, Unit unit) {
    PlanDuration duration = new PlanDuration(amount, unit);
    int max = unit == Unit.DAYS ? MAX_DAYS : MAX_MONTHS;
    if (amount > max) {
      throw ValidationException.of(
          "duration", "A plan lasts at most " + unit.label(max) + " (100 years).");
    }
    return duration;
  }

  public static PlanDuration days(int days) {
    return new PlanDuration(days, Unit.DAYS);
  }

  public static PlanDuration months(int months) {
    return new PlanDuration(months, Unit.MONTHS);
  }

  /** The end of a period of this length that starts at {@code start}. */
  public Instant addTo(Instant start) {
    return switch (unit) {
      case DAYS -> start.atOffset(ZoneOffset.UTC).plusDays(amount).toInstant();
      case MONTHS -> start.atOffset(ZoneOffset.UTC).plusMonths(amount).toInstant();
    };
  }

  /** This duration repeated {@code quantity} times (a CSV quantity of 3 pays for three). */
  public PlanDuration times(int quantity) {
    if (quantity <= 0) {
      throw ValidationException.of("quantity", "The quantity must be at least 1.");
    }
    return new PlanDuration(Math.multiplyExact(amount, quantity), unit);
  }

  @Override
  public String toString() {
    return unit.label(amount);
  }
}

package io.usher.domain.ledger;

import java.time.Instant;

/**
 * Which ledger rows to list. Null fields do not filter. The date range [from, to) applies to what
 * {@code on} names: the day a payment was paid, or the period it pays for.
 */
public record PaymentFilter(Long userId, Instant from, Instant to, DateBasis on) {
  public static final PaymentFilter ALL = new PaymentFilter(null, null, null);

  /** What a payment's dates are compared with. */
  public enum DateBasis {
    /** The period it pays for overlaps the range. */
    PERIOD,
    /** It was paid within the range ({@link PaymentRow#paidOn()}). */
    PAID
  }

  public PaymentFilter {
    if (on == null) {
      on = DateBasis.PERIOD;
    }
  }

  /** Payments whose period overlaps [from, to). */
  public PaymentFilter(Long userId, Instant from, Instant to) {
    this(userId, from, to, DateBasis.PERIOD);
  }
}

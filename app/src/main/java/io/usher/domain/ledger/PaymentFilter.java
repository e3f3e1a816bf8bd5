package io.usher.domain.ledger;

import java.time.Instant;

/**
 * Which ledger rows to list. Null fields do not filter. The date range matches payments whose
 * period overlaps [from, to).
 */
public record PaymentFilter(Long userId, Instant from, Instant to) {
  public static final PaymentFilter ALL = new PaymentFilter(null, null, null);
}

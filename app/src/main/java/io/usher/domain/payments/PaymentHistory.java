package io.usher.domain.payments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A provider's record of money received, read back by time (PayPal's Transaction Search): how
 * payments made outside Usher's checkout, and renewals, reach the ledger.
 */
public interface PaymentHistory {
  /**
   * Payments received from {@code from} (inclusive) to {@code to} (exclusive), oldest first, as
   * PAID events; the adapter splits the range into the provider's windows and reads every page.
   *
   * @throws PaymentProviderException with one sentence when the provider refuses or is unreachable
   */
  List<PaymentEvent> paidBetween(Instant from, Instant to);

  /**
   * A CANCELLED event when the provider will charge the subscription no more (cancelled, suspended
   * or expired); empty while it still renews, or for a subscription this provider does not run.
   *
   * @throws PaymentProviderException with one sentence when the provider refuses or is unreachable
   */
  default Optional<PaymentEvent> ended(String subscriptionId) {
    return Optional.empty();
  }

  /** One harmless read: a sentence saying the keys work (or throws). */
  String test();
}

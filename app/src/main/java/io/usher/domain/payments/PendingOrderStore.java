package io.usher.domain.payments;

import java.util.Optional;

/** The orders customers placed at the checkout page. */
public interface PendingOrderStore {
  /** Records a new order; {@code created} is taken from the store's clock. */
  PendingOrder insert(
      String reference,
      String email,
      String plan,
      String location,
      String discount,
      String referral);

  void setSession(String reference, String sessionId);

  Optional<PendingOrder> byReference(String reference);

  Optional<PendingOrder> bySession(String sessionId);

  /**
   * How many other customers placed an order with the discount code after {@code since} whose
   * payment has not used it yet: the uses they hold while they pay.
   */
  int holding(String code, String exceptEmail, java.time.Instant since);

  /**
   * Removes an order that can never be paid (no payment page was made), and with it the use of a
   * discount code it held.
   */
  void discard(String reference);
}

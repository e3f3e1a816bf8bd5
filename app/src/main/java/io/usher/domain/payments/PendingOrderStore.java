package io.usher.domain.payments;

import java.util.Optional;

/** The orders customers placed at the checkout page. */
public interface PendingOrderStore {
  /** Records a new order; {@code created} is taken from the store's clock. */
  PendingOrder insert(
      String reference, String email, String plan, String location, String discount);

  void setSession(String reference, String sessionId);

  Optional<PendingOrder> byReference(String reference);

  Optional<PendingOrder> bySession(String sessionId);
}

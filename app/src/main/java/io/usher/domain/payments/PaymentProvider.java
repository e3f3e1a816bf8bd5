package io.usher.domain.payments;

import java.util.List;

/** A payment provider (Stripe now, PayPal later) as the checkout and the ledger need it. */
public interface PaymentProvider {
  /** Creates the hosted payment page for an order. */
  CheckoutSession createSession(CheckoutOrder order);

  /**
   * Events after the one with id {@code afterEventId} (null: the recent ones), oldest first,
   * reduced to those the ledger acts on.
   */
  List<PaymentEvent> eventsAfter(String afterEventId);

  /** Checks the keys with one harmless read; a sentence saying whether they work (or throws). */
  String test();
}

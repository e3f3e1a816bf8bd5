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

  /**
   * The origins ({@link WebOrigin}) of the provider's hosted payment pages. The checkout page's
   * Content-Security-Policy lets its form lead there and nowhere else: browsers refuse a form whose
   * answer redirects to an origin the policy does not name.
   */
  List<String> pageOrigins();

  /** Checks the keys with one harmless read; a sentence saying whether they work (or throws). */
  String test();
}

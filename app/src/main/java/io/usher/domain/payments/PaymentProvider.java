package io.usher.domain.payments;

import java.util.List;
import java.util.Optional;

/** A payment provider (Stripe, PayPal) as the checkout and the ledger need it. */
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

  /** Whether the owner set the provider's keys: the plans page offers it only then. */
  boolean configured();

  /** Checks the keys with one harmless read; a sentence saying whether they work (or throws). */
  String test();

  /**
   * Finishes a payment the customer approved on the provider's page, when the provider needs Usher
   * to (PayPal's capture); empty when the payment reaches Usher by itself (Stripe's events).
   *
   * @param sessionId the provider's id of the payment page, as it sent the customer back
   */
  default Optional<PaymentEvent> complete(String sessionId) {
    return Optional.empty();
  }

  /**
   * The address the provider sends the customer back to after paying, made from the checkout's own
   * return address: Stripe fills its session id into a placeholder, PayPal adds its token.
   */
  default String returnUrl(String checkoutReturn) {
    return checkoutReturn;
  }
}

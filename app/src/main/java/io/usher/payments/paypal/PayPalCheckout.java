package io.usher.payments.paypal;

import io.usher.domain.payments.CheckoutOrder;
import io.usher.domain.payments.CheckoutSession;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PaymentProvider;
import io.usher.domain.payments.PaymentProviderException;
import java.util.List;
import java.util.Optional;

/**
 * PayPal as the checkout page's second way to pay: an Orders v2 order the customer approves on
 * PayPal's page, captured when PayPal sends them back (PayPal adds {@code ?token=ORDER} to the
 * return address). A plan with a PayPal plan id is a Subscriptions v1 subscription instead, whose
 * first payment is read when the customer comes back ({@code ?subscription_id=I-…}); a plan without
 * one is sold through PayPal as one payment for one period. The payments themselves are also read
 * back by Transaction Search, so a customer who never comes back from PayPal's page is recorded all
 * the same.
 */
public final class PayPalCheckout implements PaymentProvider {
  private final PayPalClient client;
  private final PayPalOrders orders;
  private final PayPalHistory history;
  private final PayPalSubscriptions subscriptions;

  public PayPalCheckout(PayPalClient client) {
    this.client = client;
    this.orders = new PayPalOrders(client);
    this.history = new PayPalHistory(client);
    this.subscriptions = new PayPalSubscriptions(client);
  }

  /**
   * @param order its {@code priceId} is the plan's PayPal plan id (P-…), or null for one payment
   */
  @Override
  public CheckoutSession createSession(CheckoutOrder order) {
    if (order.priceId() != null) {
      PayPalSubscriptions.Created created =
          subscriptions.create(
              order.reference(),
              order.priceId(),
              order.email(),
              order.successUrl(),
              order.cancelUrl());
      return new CheckoutSession(created.subscriptionId(), created.approveUrl());
    }
    PayPalOrders.Created created =
        orders.create(
            order.reference(),
            order.amount(),
            "Plan " + order.plan(),
            order.successUrl(),
            order.cancelUrl());
    if (created.approveUrl() == null) {
      throw new PaymentProviderException(
          PaymentProviderException.Kind.REFUSED,
          "PayPal created order " + created.orderId() + " without a page to approve it on.");
    }
    return new CheckoutSession(created.orderId(), created.approveUrl());
  }

  /** PayPal's payments reach the ledger by the capture and by Transaction Search, not by events. */
  @Override
  public List<PaymentEvent> eventsAfter(String afterEventId) {
    return List.of();
  }

  @Override
  public boolean configured() {
    return client.configured();
  }

  @Override
  public List<String> pageOrigins() {
    return List.of(client.sandbox() ? "https://www.sandbox.paypal.com" : "https://www.paypal.com");
  }

  @Override
  public String test() {
    return history.test();
  }

  /**
   * Captures the approved order, or reads a subscription's first payment: the transaction id keys
   * the payment, as Transaction Search does.
   */
  @Override
  public Optional<PaymentEvent> complete(String orderId) {
    if (orderId.startsWith("I-")) {
      return subscriptions.firstPayment(orderId);
    }
    PayPalOrders.Captured c = orders.capture(orderId);
    if (!"COMPLETED".equals(c.status())) {
      // PENDING (an eCheck, a review): money has not arrived; Transaction Search brings it later.
      return Optional.empty();
    }
    return Optional.of(
        new PaymentEvent(
            "paypal:" + c.captureId(),
            PaymentEvent.Kind.PAID,
            c.captureId(),
            c.reference(),
            c.email(),
            null,
            c.amount(),
            c.at()));
  }
}

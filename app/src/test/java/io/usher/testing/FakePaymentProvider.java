package io.usher.testing;

import io.usher.domain.payments.CheckoutOrder;
import io.usher.domain.payments.CheckoutSession;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PaymentProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A payment provider that records the orders it is given and answers with a fixed page. */
public final class FakePaymentProvider implements PaymentProvider {
  public static final String URL = "https://checkout.stripe.com/c/pay/cs_test_fake";
  public final List<CheckoutOrder> orders = new CopyOnWriteArrayList<>();
  public RuntimeException failure;

  /**
   * Whether it counts as set up (a Stripe key given): the plans page then offers paying by card.
   */
  public boolean configured = true;

  @Override
  public boolean configured() {
    return configured;
  }

  @Override
  public CheckoutSession createSession(CheckoutOrder order) {
    if (failure != null) {
      throw failure;
    }
    orders.add(order);
    return new CheckoutSession("cs_test_" + orders.size(), URL);
  }

  @Override
  public List<String> pageOrigins() {
    return List.of("https://checkout.stripe.com");
  }

  @Override
  public List<PaymentEvent> eventsAfter(String afterEventId) {
    return List.of();
  }

  @Override
  public String test() {
    return "Fake payments accept anything.";
  }
}

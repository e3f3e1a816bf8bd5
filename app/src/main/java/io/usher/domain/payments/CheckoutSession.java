package io.usher.domain.payments;

/** The provider's hosted payment page for one order: 303 the customer to {@code url}. */
public record CheckoutSession(String id, String url) {}

package io.usher.domain.payments;

import io.usher.domain.money.Money;

/**
 * What a customer asked to buy at the checkout page, before they pay.
 *
 * @param reference Usher's own id of the order, sent to the provider as client_reference_id and
 *     metadata so the completed payment can be tied back to it
 * @param priceId the provider's recurring price (Stripe price_…); null for a one-time payment of
 *     {@code amount}
 */
public record CheckoutOrder(
    String reference,
    String email,
    String plan,
    Money amount,
    String priceId,
    String successUrl,
    String cancelUrl) {}

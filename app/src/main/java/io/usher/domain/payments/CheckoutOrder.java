package io.usher.domain.payments;

import io.usher.domain.discounts.DiscountSpec;
import io.usher.domain.money.Money;

/**
 * What a customer asked to buy at the checkout page, before they pay.
 *
 * @param reference Usher's own id of the order, sent to the provider as client_reference_id and
 *     metadata so the completed payment can be tied back to it
 * @param amount what a one-time payment costs, the discount already taken off
 * @param priceId the provider's recurring price (Stripe price_…); null for a one-time payment of
 *     {@code amount}
 * @param discount the code the customer gave, for the provider to take off a subscription's first
 *     payment (a one-time {@code amount} has it taken off already); null when none
 * @param expiresAt when the payment page closes; null for the provider's default
 */
public record CheckoutOrder(
    String reference,
    String email,
    String plan,
    Money amount,
    String priceId,
    String successUrl,
    String cancelUrl,
    DiscountSpec discount,
    java.time.Instant expiresAt) {}

package io.usher.domain.payments;

import java.time.Instant;

/**
 * An order recorded at the checkout page, before the customer paid.
 *
 * @param location the server location the customer chose; null when none
 * @param sessionId the provider's session; null until it was created
 * @param discount the discount code the order was placed with; null when none
 * @param referral the referral code the order was placed with; null when none
 */
public record PendingOrder(
    String reference,
    String email,
    String plan,
    String location,
    String sessionId,
    Instant created,
    String discount,
    String referral) {}

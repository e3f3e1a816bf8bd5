package io.usher.application.payments;

import java.time.Instant;

/**
 * Corrections to a payment; null fields stay as they are, and a blank subscription id or notes
 * removes them.
 */
public record PaymentEdit(
    Instant start, Instant end, String amount, String plan, String subscriptionId, String notes) {}

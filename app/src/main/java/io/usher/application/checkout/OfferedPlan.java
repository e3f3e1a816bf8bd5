package io.usher.application.checkout;

/**
 * A plan as a customer sees it on the checkout page: nothing of the admin side (no groups, ids,
 * provider prices).
 *
 * @param price the price as displayed, e.g. "$10.00"
 * @param duration how long it lasts, e.g. "1 month"
 */
public record OfferedPlan(
    String name,
    String price,
    String duration,
    int streams,
    boolean downloads,
    boolean transcoding,
    boolean trial) {}

package io.usher.application.checkout;

/**
 * The checkout form as the customer typed it; nothing is trusted until {@link
 * CheckoutService#start} validated it.
 *
 * @param location blank when none was chosen
 * @param discount blank when none was typed
 */
public record CheckoutForm(String email, String plan, String location, String discount) {}

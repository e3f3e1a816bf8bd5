package io.usher.application.checkout;

/**
 * The checkout form as the customer typed it; nothing is trusted until {@link
 * CheckoutService#start} validated it.
 *
 * @param location blank when none was chosen
 * @param discount blank when none was typed
 * @param payWith "paypal" for PayPal's page; anything else is the card payment (Stripe)
 * @param referral the referral code typed or carried by the link; blank when none
 */
public record CheckoutForm(
    String email, String plan, String location, String discount, String payWith, String referral) {

  /** A card payment: the plans page's main button, and the account page's renewal. */
  public CheckoutForm(String email, String plan, String location, String discount) {
    this(email, plan, location, discount, null, null);
  }

  public boolean paypal() {
    return "paypal".equals(payWith);
  }
}

package io.usher.application.checkout;

/**
 * The addresses of the checkout front's pages as customers reach them: the use cases say which
 * page, the front (which owns its paths and its public address) says where it is.
 */
public interface CheckoutLinks {
  /** The plans page; its origin is where the page's own forms lead. */
  String plans();

  /** Where a payment provider sends the customer back after paying. */
  String returned();

  /** The return page of a session Usher completed itself (free access, no payment page). */
  String returned(String sessionId);

  /** Where a payment provider sends a customer who gave up. */
  String cancelled();

  /** The customer's account page, opened with a sign-in token. */
  String account(String token);

  /** The plans page with a referral code filled in. */
  String referral(String code);
}

package io.usher.application.settings;

import io.usher.domain.notify.Mail;

/**
 * Tests of the owner's payment keys and mail, each pass remembered (for the settings it was made
 * with) for the dashboard's setup checklist.
 */
public interface SetupTests {
  /** Whether Stripe accepts stripe.secret-key, in a sentence (or it throws). */
  String stripe();

  /** Whether PayPal accepts the configured keys, a sentence per account (or it throws). */
  String payPal();

  /** Whether Seerr answers at seerr.url with seerr.api-key, in a sentence (or it throws). */
  String seerr();

  /** Sends the test mail now (to {@code to}, else owner.email) or throws. */
  Mail mail(String to);
}

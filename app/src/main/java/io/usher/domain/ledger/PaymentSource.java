package io.usher.domain.ledger;

import java.util.Locale;

/** Where a ledger row came from. Stored and printed in lower case. */
public enum PaymentSource {
  STRIPE,
  PAYPAL,
  MANUAL,
  IMPORT,
  CREDIT,
  /** The default payment given to a user found on a server by sync. */
  SYNC;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PaymentSource fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}

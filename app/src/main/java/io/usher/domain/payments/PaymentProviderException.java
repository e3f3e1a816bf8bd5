package io.usher.domain.payments;

import io.usher.domain.common.UsherException;

/**
 * A payment provider refused or could not be reached; the message is one sentence for the owner and
 * never carries a key.
 */
public final class PaymentProviderException extends UsherException {
  public enum Kind {
    /** The provider is not configured (no secret key). */
    NOT_CONFIGURED,
    /** The provider refused the key (HTTP 401/403). */
    UNAUTHORIZED,
    /** The provider refused this request (4xx): fix the request or the setup. */
    REFUSED,
    /**
     * The provider refused what the customer typed (HTTP 400 on their email): they can correct it.
     */
    CUSTOMER_DATA,
    /** Network failure, rate limit or a 5xx: try again later. */
    UNAVAILABLE,
    /** A webhook whose signature did not verify (forged, stale or garbage). */
    BAD_SIGNATURE
  }

  private final Kind kind;

  public PaymentProviderException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether trying again later may succeed. */
  public boolean passing() {
    return kind == Kind.UNAVAILABLE;
  }
}

package io.usher.payments.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PaymentProviderException;
import io.usher.domain.payments.PaymentProviderException.Kind;
import java.time.Clock;
import java.util.Optional;

/**
 * Stripe's webhook: the {@code Stripe-Signature} header verified on the raw body (HMAC-SHA256 with
 * the endpoint secret, any v1 matching, its time within {@link #TOLERANCE_SECONDS} of the injected
 * clock either way), then the same reduction as polling.
 */
public final class StripeWebhooks implements io.usher.domain.payments.WebhookVerifier {
  public static final long TOLERANCE_SECONDS = 300;
  private final Clock clock;

  /** For the endpoint: verifies against this clock (tests pass a fixed one). */
  public StripeWebhooks(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<PaymentEvent> verify(String rawBody, String signatureHeader, String secret) {
    return parse(rawBody, signatureHeader, secret, clock);
  }

  /**
   * @return the event, or empty when it is genuine but one the ledger does not act on
   * @throws PaymentProviderException of kind BAD_SIGNATURE for a forged, stale or unreadable one
   */
  public Optional<PaymentEvent> parse(
      String rawBody, String signatureHeader, String secret, Clock clock) {
    if (secret == null || secret.isBlank()) {
      throw new PaymentProviderException(
          Kind.NOT_CONFIGURED, "Stripe webhooks are not set up: set stripe.webhook-secret.");
    }
    if (rawBody == null || signatureHeader == null || signatureHeader.isBlank()) {
      throw refused("it has no Stripe-Signature header");
    }
    Event event;
    try {
      event = Webhook.constructEvent(rawBody, signatureHeader, secret, TOLERANCE_SECONDS, clock);
    } catch (SignatureVerificationException e) {
      throw refused(
          e.getMessage() != null && e.getMessage().contains("tolerance")
              ? "its signature is too old (a replay?)"
              : "its signature does not match");
    } catch (RuntimeException e) {
      throw refused("its body is not a Stripe event");
    }
    // The SDK refuses only old signatures; one dated ahead would stay replayable until then.
    if (signedAt(signatureHeader) > clock.instant().getEpochSecond() + TOLERANCE_SECONDS) {
      throw refused("its signature is dated in the future");
    }
    if (event.getId() == null || event.getType() == null || event.getData() == null) {
      throw refused("its body is not a Stripe event");
    }
    try {
      return StripeEvents.reduce(
          event.getId(),
          event.getType(),
          event.getCreated() == null ? 0 : event.getCreated(),
          event.getDataObjectDeserializer().getRawJson());
    } catch (RuntimeException e) {
      throw refused("its body is not a Stripe event");
    }
  }

  /** The header's {@code t=}, which the SDK has just read successfully. */
  private static long signedAt(String signatureHeader) {
    for (String item : signatureHeader.split(",")) {
      String[] pair = item.strip().split("=", 2);
      if (pair.length == 2 && pair[0].equals("t")) {
        try {
          return Long.parseLong(pair[1]);
        } catch (NumberFormatException e) {
          throw refused("its signature does not match");
        }
      }
    }
    throw refused("its signature does not match");
  }

  private static PaymentProviderException refused(String why) {
    return new PaymentProviderException(
        Kind.BAD_SIGNATURE, "Usher refused a Stripe webhook: " + why + ".");
  }
}

package io.usher.application.payments;

import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PaymentProviderException;
import io.usher.domain.payments.WebhookVerifier;
import io.usher.domain.settings.Settings;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's webhook, applied only when {@code stripe.webhook-secret} is set: the signature is
 * checked on the raw body, then the event goes through the same idempotent use case as polling, so
 * a repeated or replayed delivery never pays twice.
 */
public final class ProviderWebhooks {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderWebhooks.class);

  /** What the endpoint answers. */
  public enum Result {
    /** No webhook secret set: the endpoint behaves as if it did not exist. */
    NOT_ENABLED,
    /** Forged, stale or unreadable. */
    REFUSED,
    /** Applied, already applied, or a genuine event the ledger ignores. */
    ACCEPTED
  }

  private final WebhookVerifier verifier;
  private final RecordProviderPayment payments;
  private final Settings settings;

  public ProviderWebhooks(
      WebhookVerifier verifier, RecordProviderPayment payments, Settings settings) {
    this.verifier = verifier;
    this.payments = payments;
    this.settings = settings;
  }

  public Result receive(String rawBody, String signatureHeader) {
    String secret = settings.stripeWebhookSecret();
    if (secret.isEmpty()) {
      return Result.NOT_ENABLED;
    }
    Optional<PaymentEvent> event;
    try {
      event = verifier.verify(rawBody, signatureHeader, secret);
    } catch (PaymentProviderException e) {
      LOG.warn("Stripe webhook refused: {}", e.getMessage());
      return Result.REFUSED;
    }
    event.ifPresent(e -> LOG.info("Stripe webhook {}: {}", e.eventId(), apply(e)));
    return Result.ACCEPTED;
  }

  /**
   * Applies one Stripe event whose origin is already established (a verified delivery), exactly
   * once however often it comes.
   */
  public RecordProviderPayment.Outcome apply(PaymentEvent verified) {
    return payments.apply(verified);
  }
}

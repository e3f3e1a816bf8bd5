package io.usher.domain.payments;

import java.util.Optional;

/** Checks a provider's webhook call against its signing secret and reads the event in it. */
public interface WebhookVerifier {
  /**
   * @return the event, or empty when it is genuine but one the ledger does not act on
   * @throws PaymentProviderException BAD_SIGNATURE for a forged, stale or unreadable call
   */
  Optional<PaymentEvent> verify(String rawBody, String signatureHeader, String secret);
}

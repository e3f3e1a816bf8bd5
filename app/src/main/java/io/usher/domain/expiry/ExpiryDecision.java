package io.usher.domain.expiry;

import java.time.Instant;

/**
 * One user expiry acts on, and why.
 *
 * @param removeAt when access is (or was) due to go: expiry + grace days
 */
public record ExpiryDecision(Subscriber subscriber, ExpiryAction action, Instant removeAt) {

  /** "expired 3 Nov 2026, grace ended" in words, for the preview and the job's details. */
  public String reason() {
    String expired = "expired " + subscriber.expires().toString().substring(0, 10);
    return action == ExpiryAction.REMOVE
        ? (removeAt.equals(subscriber.expires()) ? expired : expired + ", grace ended")
        : expired + ", in grace until " + removeAt.toString().substring(0, 10);
  }
}

package io.usher.domain.expiry;

import java.time.Instant;

/**
 * A user as expiry and reminders see them, folded from the ledger in one pass.
 *
 * @param plan the plan of the payment that ends last; null when the user never paid
 * @param expires the latest payment end; null when the user never paid
 * @param activeNow now lies inside some payment's [start, end)
 * @param recurring the payment that ends last carries a subscription id: the provider renews it, so
 *     no reminder is due. A cancelled subscription is reported as not recurring (today: the latest
 *     payment has no subscription id; a future cancelled flag on payments lands here too)
 */
public record Subscriber(
    long userId,
    String email,
    String name,
    boolean permanent,
    String plan,
    Instant expires,
    boolean activeNow,
    boolean recurring) {

  /** What a person recognises the user by. */
  public String label() {
    return email != null ? email : name != null ? name : "user " + userId;
  }
}

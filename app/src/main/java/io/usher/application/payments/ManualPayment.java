package io.usher.application.payments;

import java.time.Instant;

/**
 * A payment the owner records by hand. Only email and plan are required: the amount defaults to the
 * plan's price, the transaction id to a generated one, the start to the later of now and the user's
 * current expiry, the end to start + one plan duration.
 *
 * @param email the user: their email, {@code #ID} or name ({@link
 *     io.usher.application.users.UserLookup})
 * @param amount a decimal in the plan's currency, as typed
 */
public record ManualPayment(
    String email,
    String plan,
    String amount,
    String txn,
    Integer seq,
    String subscriptionId,
    Instant start,
    Instant end,
    String notes) {

  public static ManualPayment of(String email, String plan) {
    return new ManualPayment(email, plan, null, null, null, null, null, null, null);
  }
}

package io.usher.application.invites;

import io.usher.domain.ledger.PaymentSource;
import java.time.Instant;

/**
 * Invite one person by hand (or from one CSV row) with the payment that pays for it. Only email and
 * plan are required.
 *
 * @param server the server's name; null lets Usher choose (see ServerChoice)
 * @param location a server location to prefer when Usher chooses; may be null
 * @param username the Jellyfin/Emby user name to create; null: the part of the email before @
 * @param amount a decimal in the plan's currency; null: the plan's price
 * @param paidAt when the payment was made; null: now. The period starts at the later of this and
 *     the user's current expiry
 * @param quantity how many plan durations the payment buys (a CSV's Quantity); at least 1
 * @param end an explicit end of the period; null: start + quantity plan durations
 * @param source how the payment is labelled in the ledger: manual, or import for a CSV row
 */
public record InviteRequest(
    String email,
    String plan,
    String server,
    String location,
    String username,
    String txn,
    Integer seq,
    String subscriptionId,
    String amount,
    Instant paidAt,
    String paypalEmail,
    int quantity,
    Instant end,
    PaymentSource source) {

  /** An invite typed by the owner: its payment is a manual one. */
  public InviteRequest(
      String email,
      String plan,
      String server,
      String location,
      String username,
      String txn,
      Integer seq,
      String subscriptionId,
      String amount,
      Instant paidAt,
      String paypalEmail,
      int quantity,
      Instant end) {
    this(
        email,
        plan,
        server,
        location,
        username,
        txn,
        seq,
        subscriptionId,
        amount,
        paidAt,
        paypalEmail,
        quantity,
        end,
        PaymentSource.MANUAL);
  }

  public static InviteRequest of(String email, String plan, String server) {
    return new InviteRequest(
        email, plan, server, null, null, null, null, null, null, null, null, 1, null);
  }
}

package io.usher.application.accounts;

import io.usher.application.checkout.OfferedPlan;
import io.usher.domain.ledger.UserStatus;
import java.time.Instant;
import java.util.List;

/**
 * What the customer account page shows: nothing of the admin side (no notes, ids or payments).
 *
 * @param name null when the owner never set one
 * @param plan the plan of the payment that ends last; null when the customer never paid
 * @param expires when access ends; null when the customer never paid
 * @param servers where the customer has access or an invitation waiting
 * @param canReinvite paid up but on no server, with nothing queued: "Re-invite me" applies
 * @param inviteQueued an invitation is being set up
 * @param renewPlan the customer's plan when it can be bought again; null when they must choose
 * @param plans the plans a renewal may choose from (visible, not trials)
 * @param referrals the customer's referral link and what it brought; null when referrals are off
 */
public record AccountView(
    String email,
    String name,
    String plan,
    Instant expires,
    boolean permanent,
    UserStatus status,
    List<ServerAccess> servers,
    boolean mustChangeAccount,
    boolean canReinvite,
    boolean inviteQueued,
    String renewPlan,
    List<OfferedPlan> plans,
    Referrals referrals) {

  /**
   * @param link the plans page with the customer's code in it
   * @param friends how many customers paid through it
   * @param bonusSeconds the time they earned the customer
   */
  public record Referrals(String link, String code, int friends, long bonusSeconds) {}

  /**
   * One server the customer is on.
   *
   * @param waiting invited, not accepted yet (Plex)
   */
  public record ServerAccess(String server, boolean waiting) {}
}

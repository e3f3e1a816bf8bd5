package io.usher.application.imports;

import io.usher.application.invites.InviteRequest;
import io.usher.domain.imports.ImportValues;
import io.usher.domain.media.ServerKind;
import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import java.time.Instant;

/**
 * One valid row of a bulk-invite file: the invite it becomes, and what the dry run shows of it.
 *
 * @param start when the payment counts from, as far as the file says (Paid At, else the time of
 *     validation); the invite itself starts at the later of Paid At and the user's current expiry
 */
public record ImportRow(
    int line, InviteRequest request, ServerKind kind, Plan plan, Money amount, Instant start) {

  public boolean plex() {
    return kind == ServerKind.PLEX;
  }

  /** "alice@example.com → Tower, plan Monthly, 1 month from 2026-11-22, 12.50 USD, txn T". */
  public String describe() {
    InviteRequest r = request;
    String who = r.username() == null ? r.email() : r.email() + " (user " + r.username() + ")";
    String period =
        r.end() == null
            ? plan.duration().times(r.quantity()) + " from " + ImportValues.date(start)
            : ImportValues.date(start) + " to " + ImportValues.date(r.end());
    String txn = r.seq() != null && r.seq() > 1 ? r.txn() + " #" + r.seq() : r.txn();
    return who
        + " → "
        + r.server()
        + ", plan "
        + plan.name()
        + ", "
        + period
        + ", "
        + amount.display()
        + ", txn "
        + txn;
  }
}

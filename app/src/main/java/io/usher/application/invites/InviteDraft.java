package io.usher.application.invites;

import io.usher.domain.common.Inputs;
import io.usher.domain.common.Problems;
import io.usher.domain.ledger.Access;
import io.usher.domain.ledger.PaymentSpec;
import io.usher.domain.ledger.Period;
import io.usher.domain.ledger.TxnRef;
import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import io.usher.domain.servers.Share;
import java.time.Instant;
import java.util.Optional;

/**
 * Every check of an invite's own values, made before any server is called: an account created on a
 * server for a payment the ledger then refuses would be left there with no entry. The bulk invite's
 * dry run makes the same checks, so a file that passes it imports completely.
 */
public final class InviteDraft {
  /** Most plan durations one payment buys (a CSV's Quantity). */
  public static final int MAX_QUANTITY = 120;

  private InviteDraft() {}

  /**
   * The payment the invite records, for user 0 until the user is known ({@link
   * PaymentSpec#forUser}).
   *
   * @param expiry the user's current expiry, if any: the period starts at the later of it and the
   *     payment date
   */
  public static PaymentSpec payment(
      InviteRequest r, TxnRef ref, Plan plan, Optional<Instant> expiry, Instant now) {
    Problems problems = new Problems();
    Money amount =
        r.amount() == null
            ? plan.price()
            : problems.attempt(() -> Money.parse("amount", r.amount(), plan.price().currency()));
    Instant paid = problems.attempt(() -> Inputs.instant("paidAt", "payment date", r.paidAt()));
    Instant end = problems.attempt(() -> Inputs.instant("end", "end", r.end()));
    if (r.quantity() < 1 || r.quantity() > MAX_QUANTITY) {
      problems.add("quantity", "The quantity is from 1 to " + MAX_QUANTITY + " plan durations.");
    }
    problems.attempt(() -> Inputs.given("subscriptionId", "subscription id", r.subscriptionId()));
    problems.throwIfAny();
    Instant start = Access.renewalStart(expiry, paid != null ? paid : now);
    Period period =
        Period.checked(start, end != null ? end : plan.duration().times(r.quantity()).addTo(start));
    return new PaymentSpec(0, plan.id(), amount, period, ref, r.subscriptionId(), r.source(), null);
  }

  /**
   * The Jellyfin/Emby user name asked for, checked against the column that keeps it; null when none
   * was asked for (Usher then makes one from the email).
   */
  public static String username(InviteRequest r) {
    Inputs.given("username", "user name", r.username());
    return Inputs.text("username", "user name", r.username(), Share.MAX_ACCOUNT);
  }
}

package io.usher.application.payments;

import io.usher.application.invites.InviteService;
import io.usher.application.links.LinkService;
import io.usher.domain.common.UsherException;
import io.usher.domain.ledger.Access;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.ledger.PaymentSpec;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.ledger.Period;
import io.usher.domain.ledger.TxnRef;
import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import io.usher.domain.users.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The last step of every payment that came from a provider, whether it matched by itself or the
 * owner assigned it: a running payment on another plan moved to this one with its credit, the
 * ledger row (from the end of the user's paid time, or now), the audit line, the copies for linked
 * users, and the share queued. Call it inside the recording transaction.
 */
public final class PaymentLanding {
  /** What landing did: the payment, and a clause for the owner's sentence (credit, share). */
  public record Landed(Payment payment, String clause) {}

  private final PaymentStore payments;
  private final AuditLog audit;
  private final LinkService links;
  private final InviteService invites;
  private final PlanChangeService planChanges;
  private final Clock clock;

  /**
   * @param planChanges moves a running payment on another plan to the bought one first, so the
   *     purchase starts where its credit ends
   */
  public PaymentLanding(
      PaymentStore payments,
      AuditLog audit,
      LinkService links,
      InviteService invites,
      PlanChangeService planChanges,
      Clock clock) {
    this.planChanges = planChanges;
    this.payments = payments;
    this.audit = audit;
    this.links = links;
    this.invites = invites;
    this.clock = clock;
  }

  public Landed land(
      User user,
      Plan plan,
      Money amount,
      TxnRef ref,
      String subscriptionId,
      PaymentSource source,
      String notes) {
    String credit = planChanges.creditBeforePurchase(user, plan).map(m -> ", " + m).orElse("");
    Instant start = renewalStart(user);
    Landed landed =
        record(
            user,
            plan,
            new PaymentSpec(
                user.id(),
                plan.id(),
                amount,
                Period.checked(start, plan.duration().addTo(start)),
                ref,
                subscriptionId,
                source,
                notes));
    return new Landed(landed.payment(), credit + landed.clause());
  }

  /**
   * Time given rather than bought (a referral bonus): a {@code credit} payment of no money on
   * {@code plan} for {@code seconds} from the end of the user's paid time, or now, with its copies
   * and share as for any payment.
   */
  public Landed credit(User user, Plan plan, long seconds, TxnRef ref, String notes) {
    Instant start = renewalStart(user);
    return record(
        user,
        plan,
        new PaymentSpec(
            user.id(),
            plan.id(),
            Money.zero(plan.price().currency()),
            Period.checked(start, start.plusSeconds(seconds)),
            ref,
            null,
            PaymentSource.CREDIT,
            notes));
  }

  /** The end of the user's paid time, or now: a renewal never overlaps what was paid. */
  public Instant renewalStart(User user) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return Access.renewalStart(
        Access.expiry(payments.forUser(user.id()).stream().map(Payment::period).toList()), now);
  }

  private Landed record(User user, Plan plan, PaymentSpec spec) {
    Payment payment = payments.insert(spec);
    audit.record(
        "payment",
        payment.id(),
        "created",
        spec.ref()
            + ": "
            + spec.source().code()
            + " payment of "
            + user.email()
            + ", "
            + plan.name()
            + ", "
            + spec.amount().display());
    links.replicate(payment).forEach(n -> audit.record("user", user.id(), "linked payment", n));
    String share;
    try {
      share =
          invites
              .queueShare(user, plan)
              .map(server -> " and the share on " + server + " queued")
              .orElse("");
    } catch (UsherException refused) {
      audit.record("user", user.id(), "share not queued", refused.getMessage());
      share = ", but no share was queued: " + refused.getMessage();
    }
    return new Landed(payment, share);
  }
}

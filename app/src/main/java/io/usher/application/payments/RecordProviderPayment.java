package io.usher.application.payments;

import io.usher.application.discounts.DiscountService;
import io.usher.application.invites.InviteService;
import io.usher.application.links.LinkService;
import io.usher.domain.common.BusyException;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.Transactions;
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
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PendingOrder;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.users.Emails;
import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.domain.users.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * What a provider's event means for the ledger, each in one transaction and idempotent: a PAID
 * event records the payment keyed by its transaction id (sequence 1) exactly once and queues the
 * share; a CANCELLED one turns the subscriber back into a pay-as-you-go customer.
 *
 * <p>Who paid: the user of an earlier payment of the same subscription; else the user with that
 * email or PayPal email; else a new user with the event's email. Which plan: the order's (looked up
 * by reference); else the plan of the subscription's latest payment; else the one visible plan
 * whose price is exactly the amount paid; else the event is refused and logged as unmatched.
 */
public final class RecordProviderPayment {
  /**
   * How often a payment is tried when the database stays busy: each try can wait out H2's 2 s lock
   * timeout, so this covers about 15 s of contention; past that the delivery fails and Stripe sends
   * it again later.
   */
  static final int BUSY_ATTEMPTS = 6;

  /** What applying one event did. */
  public record Outcome(Kind kind, String sentence) {
    public enum Kind {
      RECORDED,
      ALREADY_RECORDED,
      CANCELLED,
      UNMATCHED
    }
  }

  private final Transactions tx;
  private final UserStore users;
  private final PlanStore plans;
  private final PaymentStore payments;
  private final AuditLog audit;
  private final LinkService links;
  private final InviteService invites;
  private final Function<String, Optional<PendingOrder>> orderOf;
  private final DiscountService discounts;
  private final PaymentSource source;
  private final Clock clock;

  /**
   * @param orderOf an order's reference → the order placed at the checkout page
   * @param discounts told which payment used an order's discount code
   * @param source the provider the events come from, stored on each payment
   */
  public RecordProviderPayment(
      Transactions tx,
      UserStore users,
      PlanStore plans,
      PaymentStore payments,
      AuditLog audit,
      LinkService links,
      InviteService invites,
      Function<String, Optional<PendingOrder>> orderOf,
      DiscountService discounts,
      PaymentSource source,
      Clock clock) {
    this.tx = tx;
    this.users = users;
    this.plans = plans;
    this.payments = payments;
    this.audit = audit;
    this.links = links;
    this.invites = invites;
    this.orderOf = orderOf;
    this.discounts = discounts;
    this.source = source;
    this.clock = clock;
  }

  public Outcome apply(PaymentEvent e) {
    boolean conflicted = false;
    for (int attempt = 1; ; attempt++) {
      try {
        return applyOnce(e);
      } catch (ConflictException raced) {
        // The webhook and polling bring the same event at the same moment: the other one inserted
        // the customer or the payment first and this transaction was rolled back. Applied again,
        // it finds that work and says so, instead of failing the webhook or the payments job.
        if (conflicted) {
          throw raced;
        }
        conflicted = true;
      } catch (BusyException busy) {
        // Many deliveries at once wait on the same rows (USERS): a lock timeout is no reason to
        // answer Stripe with a 5xx, so the whole transaction runs again after a short pause.
        if (attempt >= BUSY_ATTEMPTS) {
          throw busy;
        }
        pause(attempt);
      }
    }
  }

  /** Up to 50, 100, 200 … ms with jitter, so waiting deliveries do not collide again in step. */
  private static void pause(int attempt) {
    long most = 50L << Math.min(attempt - 1, 5);
    try {
      Thread.sleep(most / 2 + ThreadLocalRandom.current().nextLong(most / 2 + 1));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new UsherException("Stopped while waiting to record a payment.", interrupted);
    }
  }

  private Outcome applyOnce(PaymentEvent e) {
    return tx.inTransaction(() -> e.kind() == PaymentEvent.Kind.PAID ? paid(e) : cancelled(e));
  }

  private Outcome paid(PaymentEvent e) {
    TxnRef ref = new TxnRef(e.transactionId(), 1);
    if (payments.byRef(ref).isPresent()) {
      return new Outcome(
          Outcome.Kind.ALREADY_RECORDED, "Payment " + e.transactionId() + " is already recorded.");
    }
    List<Payment> ofSubscription =
        e.subscriptionId() == null ? List.of() : payments.bySubscription(e.subscriptionId());
    Optional<PendingOrder> order =
        e.reference() == null ? Optional.empty() : orderOf.apply(e.reference());
    Optional<Plan> plan = plan(e, order, ofSubscription);
    if (plan.isEmpty()) {
      return unmatched(
          e, "no plan matches it (no order, no earlier payment, no plan at that price)");
    }
    Optional<User> known = user(e, ofSubscription);
    String email = email(e);
    if (known.isEmpty() && email == null) {
      return unmatched(e, "it names no customer Usher knows and no email");
    }
    User user = known.orElseGet(() -> create(email));
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant start =
        Access.renewalStart(
            Access.expiry(payments.forUser(user.id()).stream().map(Payment::period).toList()), now);
    Plan p = plan.get();
    Money amount =
        e.amount() != null && e.amount().currency().equals(p.price().currency())
            ? e.amount()
            : p.price();
    Payment payment =
        payments.insert(
            new PaymentSpec(
                user.id(),
                p.id(),
                amount,
                Period.checked(start, p.duration().addTo(start)),
                ref,
                e.subscriptionId(),
                source,
                e.reference() == null ? null : "order " + e.reference()));
    audit.record(
        "payment",
        payment.id(),
        "created",
        ref
            + ": "
            + source.code()
            + " payment of "
            + user.email()
            + ", "
            + p.name()
            + ", "
            + amount.display());
    // Renewal invoices carry the order too; the code counts once per customer all the same.
    order
        .map(PendingOrder::discount)
        .ifPresent(code -> discounts.redeem(code, user.email(), e.transactionId()));
    links.replicate(payment).forEach(n -> audit.record("user", user.id(), "linked payment", n));
    String share;
    try {
      share =
          invites
              .queueShare(user, p)
              .map(server -> " and the share on " + server + " queued")
              .orElse("");
    } catch (UsherException refused) {
      audit.record("user", user.id(), "share not queued", refused.getMessage());
      share = ", but no share was queued: " + refused.getMessage();
    }
    return new Outcome(
        Outcome.Kind.RECORDED,
        "Recorded "
            + e.transactionId()
            + " for "
            + user.email()
            + " ("
            + p.name()
            + ")"
            + share
            + ".");
  }

  /**
   * A subscription ended: the reminders treat a user as recurring while the payment that ends last
   * carries a subscription id, so that payment's subscription id is cleared (the earlier payments
   * keep theirs) and the cancellation is written in its notes and the audit log.
   */
  private Outcome cancelled(PaymentEvent e) {
    if (e.subscriptionId() == null) {
      return new Outcome(
          Outcome.Kind.CANCELLED, "A cancellation without a subscription: nothing to do.");
    }
    List<Payment> ofSubscription = payments.bySubscription(e.subscriptionId());
    if (ofSubscription.isEmpty()) {
      return new Outcome(
          Outcome.Kind.CANCELLED,
          "Subscription " + e.subscriptionId() + " is in no payment: nothing to do.");
    }
    long userId = ofSubscription.getLast().userId();
    Optional<Payment> last =
        payments.forUser(userId).stream()
            .max(Comparator.comparing((Payment p) -> p.period().end()).thenComparing(Payment::id));
    if (last.isPresent() && e.subscriptionId().equals(last.get().spec().subscriptionId())) {
      PaymentSpec s = last.get().spec();
      String note = "subscription " + e.subscriptionId() + " cancelled " + e.at();
      payments.update(
          new Payment(
              last.get().id(),
              new PaymentSpec(
                  s.userId(),
                  s.planId(),
                  s.amount(),
                  s.period(),
                  s.ref(),
                  null,
                  s.source(),
                  s.notes() == null ? note : s.notes() + "; " + note)));
      audit.record("payment", last.get().id(), "subscription cancelled", note);
    }
    return new Outcome(
        Outcome.Kind.CANCELLED,
        "Subscription " + e.subscriptionId() + " ended: the customer pays as they go now.");
  }

  private Optional<Plan> plan(
      PaymentEvent e, Optional<PendingOrder> order, List<Payment> ofSubscription) {
    if (order.isPresent()) {
      Optional<Plan> ordered = plans.byName(order.get().plan());
      if (ordered.isPresent()) {
        return ordered;
      }
    }
    if (!ofSubscription.isEmpty()) {
      return plans.byId(ofSubscription.getLast().spec().planId());
    }
    if (e.amount() == null) {
      return Optional.empty();
    }
    List<Plan> atPrice =
        plans.all().stream()
            .filter(p -> !p.spec().hidden() && p.price().equals(e.amount()))
            .toList();
    return atPrice.size() == 1 ? Optional.of(atPrice.getFirst()) : Optional.empty();
  }

  private Optional<User> user(PaymentEvent e, List<Payment> ofSubscription) {
    if (!ofSubscription.isEmpty()) {
      return users.byId(ofSubscription.getLast().userId());
    }
    String email = email(e);
    if (email == null) {
      return Optional.empty();
    }
    return users.byEmail(email).or(() -> users.byPaypalEmail(email));
  }

  private static String email(PaymentEvent e) {
    if (e.email() == null || e.email().isBlank()) {
      return null;
    }
    try {
      return Emails.normalize(e.email());
    } catch (UsherException invalid) {
      return null;
    }
  }

  private User create(String email) {
    User user = users.insert(new UserSpec(email, null, false, false, null, null, null, null));
    audit.record("user", user.id(), "created", email + " (" + source.code() + " payment)");
    return user;
  }

  private Outcome unmatched(PaymentEvent e, String why) {
    String sentence =
        "Usher could not record "
            + source.code()
            + " payment "
            + e.transactionId()
            + (e.email() == null ? "" : " from " + e.email())
            + ": "
            + why
            + ".";
    audit.record("payment", 0, "unmatched", sentence);
    return new Outcome(Outcome.Kind.UNMATCHED, sentence);
  }
}

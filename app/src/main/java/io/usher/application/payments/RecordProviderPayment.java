package io.usher.application.payments;

import io.usher.application.discounts.DiscountService;
import io.usher.application.invites.OwnerAlert;
import io.usher.application.referrals.ReferralService;
import io.usher.domain.common.BusyException;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.ledger.PaymentSpec;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.ledger.TxnRef;
import io.usher.domain.money.Money;
import io.usher.domain.payments.PayerMatching;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PendingOrder;
import io.usher.domain.payments.UnmatchedPayment;
import io.usher.domain.payments.UnmatchedStore;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.users.Emails;
import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.domain.users.UserStore;
import java.time.Clock;
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
 * <p>Who paid is {@link PayerMatching}'s decision: a payment it cannot place, or one whose plan
 * cannot be told (no order, no earlier payment of the subscription, no single plan at that price),
 * waits among the unmatched payments and the owner is told, in the same transaction. Which plan:
 * the order's; else the plan of the subscription's latest payment; else the one visible plan whose
 * price is exactly the amount paid.
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
  private final UnmatchedStore unmatched;
  private final AuditLog audit;
  private final PaymentLanding landing;
  private final Function<String, Optional<PendingOrder>> orderOf;
  private final DiscountService discounts;
  private final ReferralService referrals;
  private final OwnerAlert owner;
  private final PaymentSource source;
  private final Clock clock;

  /**
   * @param orderOf an order's reference → the order placed at the checkout page
   * @param discounts told which payment used an order's discount code
   * @param referrals credits the referrer of an order placed with a referral code
   * @param owner told, in the recording transaction, of a payment left waiting
   * @param source the provider the events come from, stored on each payment
   */
  public RecordProviderPayment(
      Transactions tx,
      UserStore users,
      PlanStore plans,
      PaymentStore payments,
      UnmatchedStore unmatched,
      AuditLog audit,
      PaymentLanding landing,
      Function<String, Optional<PendingOrder>> orderOf,
      DiscountService discounts,
      ReferralService referrals,
      OwnerAlert owner,
      PaymentSource source,
      Clock clock) {
    this.referrals = referrals;
    this.tx = tx;
    this.users = users;
    this.plans = plans;
    this.payments = payments;
    this.unmatched = unmatched;
    this.audit = audit;
    this.landing = landing;
    this.orderOf = orderOf;
    this.discounts = discounts;
    this.owner = owner;
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
    Optional<UnmatchedPayment> parked = unmatched.byTxn(source, e.transactionId());
    if (parked.isPresent()) {
      return new Outcome(
          Outcome.Kind.ALREADY_RECORDED,
          "Payment "
              + e.transactionId()
              + " is already among the unmatched payments ("
              + parked.get().status().name().toLowerCase(java.util.Locale.ROOT)
              + ").");
    }
    Optional<PendingOrder> order =
        e.reference() == null ? Optional.empty() : orderOf.apply(e.reference());
    PayerMatching.Match match =
        PayerMatching.match(
            new PayerMatching.Payer(
                order.map(o -> email(o.email())).orElse(null),
                e.subscriptionId(),
                email(e.email())),
            directory());
    if (match instanceof PayerMatching.Unmatched(String why)) {
      return park(e, why);
    }
    Optional<Long> knownId =
        match instanceof PayerMatching.Known(long id, String by)
            ? Optional.of(id)
            : Optional.empty();
    List<Payment> ofSubscription =
        e.subscriptionId() == null
            ? List.of()
            : payments.bySubscription(e.subscriptionId()).stream()
                .filter(p -> knownId.isPresent() && p.userId() == knownId.get())
                .toList();
    Optional<Plan> plan = plan(e, order, ofSubscription);
    if (plan.isEmpty()) {
      return park(e, "no plan matches it (no order, no earlier payment, no plan at that price)");
    }
    User user =
        switch (match) {
          case PayerMatching.Known known ->
              users
                  .byId(known.userId())
                  .orElseThrow(() -> new ConflictException("That customer was just removed."));
          case PayerMatching.NewCustomer customer -> create(customer.email());
          case PayerMatching.Unmatched u -> throw new IllegalStateException(u.why());
        };
    Plan p = plan.get();
    Money amount =
        e.amount() != null && e.amount().currency().equals(p.price().currency())
            ? e.amount()
            : p.price();
    PaymentLanding.Landed landed =
        landing.land(
            user,
            p,
            amount,
            ref,
            e.subscriptionId(),
            source,
            e.reference() == null ? null : "order " + e.reference());
    // Renewal invoices carry the order too; the code counts once per customer all the same.
    order
        .map(PendingOrder::discount)
        .ifPresent(code -> discounts.redeem(code, user.email(), e.transactionId()));
    String referral =
        order
            .flatMap(o -> referrals.credit(o.referral(), user, landed.payment()))
            .map(clause -> "; " + clause)
            .orElse("");
    return new Outcome(
        Outcome.Kind.RECORDED,
        "Recorded "
            + e.transactionId()
            + " for "
            + user.email()
            + " ("
            + p.name()
            + ")"
            + landed.clause()
            + referral
            + ".");
  }

  /** The ledger as matching asks it; linked users' copies (sequence above 1) are not payers. */
  private PayerMatching.Directory directory() {
    return new PayerMatching.Directory() {
      @Override
      public java.util.Set<Long> payersOf(String subscriptionId) {
        return payments.bySubscription(subscriptionId).stream()
            .filter(p -> p.ref().seq() == 1)
            .map(Payment::userId)
            .collect(java.util.stream.Collectors.toSet());
      }

      @Override
      public Optional<Long> byEmail(String email) {
        return users.byEmail(email).map(User::id);
      }

      @Override
      public Optional<Long> byPaypalEmail(String email) {
        return users.byPaypalEmail(email).map(User::id);
      }
    };
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

  private static String email(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Emails.normalize(raw);
    } catch (UsherException invalid) {
      return null;
    }
  }

  private User create(String email) {
    User user = users.insert(new UserSpec(email, null, false, false, null, null, null, null));
    audit.record("user", user.id(), "created", email + " (" + source.code() + " payment)");
    return user;
  }

  /** The payment waits for the owner, who is told in this same transaction. */
  private Outcome park(PaymentEvent e, String why) {
    String payer = email(e.email());
    UnmatchedPayment waiting =
        unmatched.insert(
            source,
            e.transactionId(),
            payer,
            e.amount(),
            e.at() == null ? clock.instant() : e.at(),
            e.subscriptionId(),
            why);
    String sentence =
        source.code()
            + " payment "
            + e.transactionId()
            + (payer == null ? "" : " from " + payer)
            + (e.amount() == null ? "" : " of " + e.amount().display())
            + " waits among the unmatched payments (#"
            + waiting.id()
            + "): "
            + why
            + ". Assign it to a user or dismiss it.";
    audit.record("unmatched", waiting.id(), "waiting", sentence);
    owner.alert(sentence);
    return new Outcome(Outcome.Kind.UNMATCHED, sentence);
  }
}

package io.usher.application.payments;

import io.usher.application.links.LinkService;
import io.usher.application.users.UserLookup;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.Inputs;
import io.usher.domain.common.NotFoundException;
import io.usher.domain.common.Transactions;
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
import io.usher.domain.plans.PlanStore;
import io.usher.domain.users.User;
import io.usher.domain.users.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Writing the ledger by hand: recording a payment and correcting one, always audited. A master's
 * payment is copied to its linked sub-accounts in the same transaction.
 */
public final class PaymentService {

  private final Transactions tx;
  private final PaymentStore payments;
  private final UserStore users;
  private final UserLookup lookup;
  private final PlanStore plans;
  private final AuditLog audit;
  private final Clock clock;
  private final LinkService links;
  private final java.util.function.BiFunction<User, Plan, java.util.Optional<String>> creditFirst;

  /**
   * @param creditFirst moves a running payment on another plan to the bought one before a payment
   *     without dates is recorded ({@link PlanChangeService#creditBeforePurchase})
   */
  public PaymentService(
      Transactions tx,
      PaymentStore payments,
      UserStore users,
      PlanStore plans,
      AuditLog audit,
      LinkService links,
      java.util.function.BiFunction<User, Plan, java.util.Optional<String>> creditFirst,
      Clock clock) {
    this.creditFirst = creditFirst;
    this.links = links;
    this.tx = tx;
    this.payments = payments;
    this.users = users;
    this.lookup = new UserLookup(users);
    this.plans = plans;
    this.audit = audit;
    this.clock = clock;
  }

  public Payment record(ManualPayment request) {
    // Left out (null) picks the default; given but empty is a mistake, not a request for it.
    Inputs.given("txn", "transaction id", request.txn());
    TxnRef ref =
        new TxnRef(
            request.txn() == null ? generatedTxnId() : request.txn(),
            request.seq() == null ? 1 : request.seq());
    return tx.inTransaction(
        () -> {
          User user =
              lookup.find(
                  request.email(),
                  email ->
                      new NotFoundException(
                          "There is no user with email " + email + ": add the user first."));
          Plan plan = plan(request.plan());
          requireNew(ref);
          Money amount =
              request.amount() == null
                  ? plan.price()
                  : Money.parse("amount", request.amount(), plan.price().currency());
          Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
          Inputs.instant("start", "start", request.start());
          if (request.start() == null && request.end() == null) {
            // Seed FAQ: buying another plan mid-term turns what is left into time on the new one.
            creditFirst.apply(user, plan);
          }
          Instant start =
              request.start() != null
                  ? request.start()
                  : Access.renewalStart(expiry(user.id()), now);
          Instant end = request.end() != null ? request.end() : plan.duration().addTo(start);
          PaymentSpec spec =
              new PaymentSpec(
                  user.id(),
                  plan.id(),
                  amount,
                  Period.checked(start, end),
                  ref,
                  request.subscriptionId(),
                  PaymentSource.MANUAL,
                  request.notes());
          Payment payment = payments.insert(spec);
          audit.record("payment", payment.id(), "created", describe(spec, plan));
          links
              .replicate(payment)
              .forEach(n -> audit.record("user", user.id(), "linked payment", n));
          return payment;
        });
  }

  public Payment edit(TxnRef ref, PaymentEdit edit) {
    return tx.inTransaction(
        () -> {
          Payment before =
              payments
                  .byRef(ref)
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              "There is no payment with transaction id " + ref + "."));
          PaymentSpec old = before.spec();
          Inputs.given("plan", "plan", edit.plan());
          Plan plan =
              edit.plan() == null ? plans.byId(old.planId()).orElseThrow() : plan(edit.plan());
          Money amount =
              edit.amount() == null
                  ? (plan.id() == old.planId() ? old.amount() : plan.price())
                  : Money.parse("amount", edit.amount(), plan.price().currency());
          Period period =
              Period.checked(
                  edit.start() != null ? edit.start() : old.period().start(),
                  edit.end() != null ? edit.end() : old.period().end());
          PaymentSpec spec =
              new PaymentSpec(
                  old.userId(),
                  plan.id(),
                  amount,
                  period,
                  old.ref(),
                  edit.subscriptionId() != null ? edit.subscriptionId() : old.subscriptionId(),
                  old.source(),
                  edit.notes() != null ? edit.notes() : old.notes());
          Payment after = new Payment(before.id(), spec);
          if (!spec.equals(old)) {
            payments.update(after);
            Plan oldPlan = plans.byId(old.planId()).orElseThrow();
            audit.record(
                "payment",
                before.id(),
                "edited",
                describe(old, oldPlan) + " → " + describe(spec, plan));
          }
          return after;
        });
  }

  public List<Payment> forUser(long userId) {
    return payments.forUser(userId);
  }

  private Optional<Instant> expiry(long userId) {
    return Access.expiry(payments.forUser(userId).stream().map(Payment::period).toList());
  }

  private Plan plan(String name) {
    Objects.requireNonNull(name, "plan");
    return plans
        .byName(name)
        .orElseThrow(() -> new NotFoundException("There is no plan named '" + name + "'."));
  }

  private void requireNew(TxnRef ref) {
    if (payments.byRef(ref).isPresent()) {
      throw new ConflictException(
          "Transaction " + ref.txnId() + " (sequence " + ref.seq() + ") is already in the ledger.");
    }
  }

  private static String generatedTxnId() {
    return "manual-" + UUID.randomUUID().toString().substring(0, 13);
  }

  private static String describe(PaymentSpec s, Plan plan) {
    return s.ref()
        + ": "
        + plan.name()
        + ", "
        + s.amount().display()
        + ", "
        + s.period().start()
        + " – "
        + s.period().end();
  }
}

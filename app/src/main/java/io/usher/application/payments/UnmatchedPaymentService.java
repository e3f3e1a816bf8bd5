package io.usher.application.payments;

import io.usher.application.users.UserLookup;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.Inputs;
import io.usher.domain.common.NotFoundException;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.ledger.TxnRef;
import io.usher.domain.money.Money;
import io.usher.domain.payments.UnmatchedPayment;
import io.usher.domain.payments.UnmatchedStore;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.users.User;
import io.usher.domain.users.UserStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * The owner's side of the unmatched payments: the list, assigning one to a user (it becomes a
 * ledger payment and shares follow, as for any payment), and dismissing one with a reason. A
 * resolved one is kept, so a sync or a repeated webhook never brings it back.
 */
public final class UnmatchedPaymentService {
  private final Transactions tx;
  private final UnmatchedStore unmatched;
  private final UserStore users;
  private final UserLookup lookup;
  private final PlanStore plans;
  private final PaymentStore payments;
  private final PaymentLanding landing;
  private final AuditLog audit;
  private final Clock clock;

  public UnmatchedPaymentService(
      Transactions tx,
      UnmatchedStore unmatched,
      UserStore users,
      PlanStore plans,
      PaymentStore payments,
      PaymentLanding landing,
      AuditLog audit,
      Clock clock) {
    this.tx = tx;
    this.unmatched = unmatched;
    this.users = users;
    this.lookup = new UserLookup(users);
    this.plans = plans;
    this.payments = payments;
    this.landing = landing;
    this.audit = audit;
    this.clock = clock;
  }

  /** Those waiting for the owner, oldest first. */
  public List<UnmatchedPayment> waiting() {
    return unmatched.waiting();
  }

  public int waitingCount() {
    return unmatched.countWaiting();
  }

  /**
   * Records the payment on that user.
   *
   * @param email the user's email, {@code #ID} or name ({@link UserLookup})
   * @param planName the plan it buys; null: the plan of the user's latest payment
   * @param remember keep the subscription id on the payment or, for a payment without one, the
   *     payer's email as the user's PayPal email, so the next one matches by itself
   * @return the sentence for the owner
   */
  public String assign(long id, String email, String planName, boolean remember) {
    String plan = Inputs.given("plan", "plan", planName);
    return tx.inTransaction(
        () -> {
          UnmatchedPayment waiting = waitingOne(id);
          User user =
              lookup.find(
                  email,
                  normalized ->
                      ValidationException.of(
                          "email",
                          "No user has the email "
                              + normalized
                              + ": add the customer first, or pick another user."));
          Plan p = plan == null ? currentPlan(user) : namedPlan(plan);
          Money amount = waiting.amount() != null ? waiting.amount() : p.price();
          String payer = waiting.payerEmail();
          PaymentLanding.Landed landed =
              landing.land(
                  user,
                  p,
                  amount,
                  new TxnRef(waiting.txn(), 1),
                  remember ? waiting.subscriptionId() : null,
                  waiting.provider(),
                  "Assigned from unmatched payment #"
                      + waiting.id()
                      + (payer == null ? "" : " (payer " + payer + ")")
                      + (waiting.subscriptionId() == null || remember
                          ? ""
                          : " (subscription " + waiting.subscriptionId() + ")")
                      + ".");
          String remembered = "";
          if (remember
              && waiting.subscriptionId() == null
              && payer != null
              && !payer.equals(user.email())) {
            users
                .byPaypalEmail(payer)
                .filter(other -> other.id() != user.id())
                .ifPresent(
                    other -> {
                      throw new ConflictException(
                          payer
                              + " is already the PayPal email of "
                              + other.who()
                              + ": assign without remembering it, or change that user first.");
                    });
            users.update(new User(user.id(), user.spec().withPaypalEmail(payer)));
            remembered = "; " + payer + " is now their PayPal email";
          }
          unmatched.assigned(waiting.id(), landed.payment().id(), clock.instant());
          audit.record(
              "unmatched",
              waiting.id(),
              "assigned",
              waiting.txn() + " to " + user.who() + " (" + p.name() + ")" + remembered);
          return "Recorded "
              + waiting.txn()
              + " for "
              + user.who()
              + " ("
              + p.name()
              + ", "
              + amount.display()
              + ")"
              + landed.clause()
              + remembered
              + ".";
        });
  }

  /** Not a payment for this business (a refund, another product): kept with the reason. */
  public String dismiss(long id, String reason) {
    String why = Inputs.text("reason", "reason", reason, UnmatchedPayment.MAX_REASON);
    if (why == null) {
      throw ValidationException.of("reason", "Say why it is dismissed, for the record.");
    }
    return tx.inTransaction(
        () -> {
          UnmatchedPayment waiting = waitingOne(id);
          unmatched.dismissed(waiting.id(), why, clock.instant());
          audit.record("unmatched", waiting.id(), "dismissed", waiting.txn() + ": " + why);
          return "Dismissed " + waiting.txn() + ": " + why + ".";
        });
  }

  private UnmatchedPayment waitingOne(long id) {
    UnmatchedPayment found =
        unmatched
            .byId(id)
            .orElseThrow(() -> new NotFoundException("No unmatched payment #" + id + "."));
    if (found.status() != UnmatchedPayment.Status.WAITING) {
      throw new ConflictException(
          "Unmatched payment #"
              + id
              + " was already "
              + (found.status() == UnmatchedPayment.Status.ASSIGNED ? "assigned." : "dismissed."));
    }
    return found;
  }

  private Plan namedPlan(String name) {
    return plans
        .byName(name)
        .orElseThrow(() -> ValidationException.of("plan", "No plan is named " + name + "."));
  }

  private Plan currentPlan(User user) {
    return payments.forUser(user.id()).stream()
        .max(Comparator.comparing((Payment p) -> p.period().end()).thenComparing(Payment::id))
        .flatMap(p -> plans.byId(p.spec().planId()))
        .orElseThrow(
            () ->
                ValidationException.of(
                    "plan", user.email() + " has no plan yet: name the plan this payment buys."));
  }
}

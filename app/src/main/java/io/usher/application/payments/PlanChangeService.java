package io.usher.application.payments;

import io.usher.application.invites.InviteService;
import io.usher.application.links.LinkService;
import io.usher.application.users.UserLookup;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.NotFoundException;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.ledger.PaymentSpec;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.ledger.Period;
import io.usher.domain.ledger.PlanChange;
import io.usher.domain.ledger.TxnRef;
import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.users.User;
import io.usher.domain.users.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code usher plan change}: moves a user to another plan now. The current payment ends now and
 * what was left of it becomes a {@code credit} payment on the new plan (see {@link PlanChange}).
 *
 * <p>The credit payment records an amount of zero, with the credit in its notes: the money was
 * received once, by the payment that ended, and every sum of amounts (the ledger's totals, the
 * Payments screen, an exported spreadsheet) must keep counting it once. A later change values a
 * credit payment at its plan's price ({@link PlanChange#worth}) instead.
 */
public final class PlanChangeService {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(PlanChangeService.class);

  static final String CREDIT_PREFIX = "credit-";

  private final Transactions tx;
  private final UserStore users;
  private final PlanStore plans;
  private final PaymentStore payments;
  private final AuditLog audit;
  private final LinkService links;
  private final InviteService invites;
  private final Clock clock;
  private final UserLookup lookup;

  public PlanChangeService(
      Transactions tx,
      UserStore users,
      PlanStore plans,
      PaymentStore payments,
      AuditLog audit,
      LinkService links,
      InviteService invites,
      Clock clock) {
    this.tx = tx;
    this.users = users;
    this.lookup = new UserLookup(users);
    this.plans = plans;
    this.payments = payments;
    this.audit = audit;
    this.links = links;
    this.invites = invites;
    this.clock = clock;
  }

  /** What a change did, or would do on a dry run. */
  public record Result(
      String email,
      String from,
      String to,
      TxnRef ended,
      TxnRef credit,
      PlanChange change,
      boolean applied,
      List<String> notices) {

    /** The arithmetic, then what happened: one sentence for the CLI and the dialog. */
    public String sentence() {
      return change.arithmetic()
          + (applied ? ". " : ". Dry run, nothing changed: ")
          + email
          + (applied ? " moved" : " would move")
          + " from "
          + from
          + " to "
          + to
          + " until "
          + change.credited().end()
          + ".";
    }
  }

  /**
   * @param user the user's email, {@code #ID} or name ({@link UserLookup})
   */
  public Result change(String user, String planName, boolean dryRun) {
    if (planName == null || planName.isBlank()) {
      throw ValidationException.of("plan", "Name the plan to move the user to.");
    }
    return tx.inTransaction(() -> change(lookup.find(user), planName, dryRun));
  }

  private Result change(User user, String planName, boolean dryRun) {
    String normalized = user.who();
    return tx.inTransaction(
        () -> {
          Plan to =
              plans
                  .byName(planName.strip())
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              "There is no plan named '" + planName.strip() + "'."));
          refuseSubAccount(user);
          if (user.permanent()) {
            throw new ConflictException(
                normalized + " is permanent: there is no paid time to move to another plan.");
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
          Payment current = current(user, now);
          Plan from = plans.byId(current.spec().planId()).orElseThrow();
          if (from.id() == to.id()) {
            throw ValidationException.of("plan", normalized + " is already on " + to.name() + ".");
          }
          List<User> subs = users.subsOf(user.id());
          if (subs.size() > to.spec().maxSubs()) {
            throw ValidationException.of(
                "plan",
                "Plan "
                    + to.name()
                    + " allows "
                    + to.spec().maxSubs()
                    + " linked sub-accounts and "
                    + normalized
                    + " has "
                    + subs.size()
                    + ": unlink some first or choose another plan.");
          }
          PlanChange change = PlanChange.of(value(current, from), current.period(), to, now);
          TxnRef creditRef = new TxnRef(CREDIT_PREFIX + current.ref().txnId(), 1);
          if (payments.byRef(creditRef).isPresent()) {
            throw new ConflictException(
                "Transaction "
                    + creditRef
                    + " is already in the ledger: this payment was moved to another plan before.");
          }
          List<String> notices = new ArrayList<>();
          if (current.spec().subscriptionId() != null) {
            notices.add(
                "The ended payment belongs to subscription "
                    + current.spec().subscriptionId()
                    + ": its next renewal is charged by the provider as before.");
          }
          if (!dryRun) {
            apply(user, subs, current, from, to, change, creditRef, notices);
          }
          return new Result(
              normalized,
              from.name(),
              to.name(),
              current.ref(),
              creditRef,
              change,
              !dryRun,
              List.copyOf(notices));
        });
  }

  /**
   * A customer buying another plan while one runs (checkout, a provider's payment, payment add):
   * the running payment is moved to the bought plan first, as {@code usher plan change} would, so
   * the purchase starts where the credit ends (seed FAQ: 30 days + 10). Call it inside the
   * purchase's transaction. When the running payment cannot be moved (several running, a linked
   * account, a credit already taken) the purchase simply follows the paid time, as before.
   *
   * @return what moved, for the purchase's sentence; empty when nothing did
   */
  public Optional<String> creditBeforePurchase(User user, Plan bought) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    List<Payment> open =
        payments.forUser(user.id()).stream().filter(p -> p.period().end().isAfter(now)).toList();
    boolean another =
        open.size() == 1
            && open.getFirst().period().contains(now)
            && open.getFirst().spec().planId() != bought.id();
    if (user.permanent() || !another || users.masterOf(user.id()).isPresent()) {
      return Optional.empty();
    }
    try {
      Result moved = change(user, bought.name(), false);
      return Optional.of(
          "moved from "
              + moved.from()
              + " with a credit of "
              + moved.change().credit().display()
              + " ("
              + PlanChange.span(
                  java.time.Duration.between(
                          moved.change().credited().start(), moved.change().credited().end())
                      .toSeconds())
              + ")");
    } catch (UsherException refused) {
      LOG.info("No credit for {} buying {}: {}", user.email(), bought.name(), refused.getMessage());
      return Optional.empty();
    }
  }

  private void apply(
      User user,
      List<User> subs,
      Payment current,
      Plan from,
      Plan to,
      PlanChange change,
      TxnRef creditRef,
      List<String> notices) {
    String ended = "ended early: moved to " + to.name() + ", credit " + change.credit().display();
    endNow(current, change.used(), ended);
    audit.record(
        "payment",
        current.id(),
        "ended early",
        current.ref() + ": now ends " + change.used().end() + "; " + change.arithmetic());
    for (User sub : subs) {
      payments.forUser(sub.id()).stream()
          .filter(p -> p.ref().txnId().equals(current.ref().txnId()))
          .filter(p -> p.period().equals(current.period()))
          .forEach(
              copy -> {
                endNow(copy, change.used(), ended);
                audit.record("payment", copy.id(), "ended early", copy.ref() + ": " + ended);
              });
    }
    Payment credit =
        payments.insert(
            new PaymentSpec(
                user.id(),
                to.id(),
                Money.zero(change.credit().currency()),
                change.credited(),
                creditRef,
                null,
                PaymentSource.CREDIT,
                "Credit of "
                    + change.credit().display()
                    + " from payment "
                    + current.ref()
                    + " on "
                    + from.name()
                    + ": "
                    + change.arithmetic()
                    + "."));
    audit.record(
        "payment",
        credit.id(),
        "created",
        creditRef + ": credit payment of " + user.email() + ", " + to.name());
    audit.record(
        "user",
        user.id(),
        "plan changed",
        from.name() + " → " + to.name() + ": " + change.arithmetic());
    links.replicate(credit).forEach(n -> audit.record("user", user.id(), "linked payment", n));
    try {
      invites
          .queueShare(user, to)
          .ifPresentOrElse(
              server -> notices.add("The share on " + server + " is queued."),
              () ->
                  notices.add(
                      "The libraries follow the new plan when the hourly \"shares\" job runs"
                          + " (usher jobs run shares to do it now)."));
    } catch (UsherException refused) {
      audit.record("user", user.id(), "share not queued", refused.getMessage());
      notices.add("No share was queued: " + refused.getMessage());
    }
  }

  private void endNow(Payment payment, Period used, String note) {
    PaymentSpec s = payment.spec();
    String notes = s.notes() == null ? note : s.notes() + "\n" + note;
    payments.update(
        new Payment(
            payment.id(),
            new PaymentSpec(
                s.userId(),
                s.planId(),
                s.amount(),
                new Period(s.period().start(), used.end()),
                s.ref(),
                s.subscriptionId(),
                s.source(),
                notes)));
  }

  private void refuseSubAccount(User user) {
    users
        .masterOf(user.id())
        .ifPresent(
            master -> {
              throw new ConflictException(
                  user.spec().label()
                      + " is a linked sub-account: its payments are copies of "
                      + users.byId(master).map(m -> m.spec().label()).orElse("its master's")
                      + "'s, so change the master's plan instead.");
            });
  }

  /**
   * The one payment running now. Payments that start later would stay on the old plan, and two
   * running at once leave it unclear which one to end, so both are refused rather than guessed.
   */
  private Payment current(User user, Instant now) {
    List<Payment> open =
        payments.forUser(user.id()).stream()
            .filter(p -> p.period().end().isAfter(now))
            .sorted(Comparator.comparing((Payment p) -> p.period().start()))
            .toList();
    List<Payment> running = open.stream().filter(p -> p.period().contains(now)).toList();
    if (running.isEmpty()) {
      throw new ConflictException(
          user.spec().label()
              + " has no payment running now: record a payment on the new plan instead.");
    }
    if (open.size() > 1) {
      Payment other = open.stream().filter(p -> p != running.getFirst()).findFirst().orElseThrow();
      throw new ConflictException(
          user.spec().label()
              + " has more than one payment after now ("
              + other.ref()
              + " runs "
              + other.period().start()
              + " – "
              + other.period().end()
              + "): edit them into one before changing the plan.");
    }
    return running.getFirst();
  }

  private static Money value(Payment payment, Plan plan) {
    return payment.spec().source() == PaymentSource.CREDIT
        ? PlanChange.worth(plan.price(), plan.duration(), payment.period())
        : payment.spec().amount();
  }
}

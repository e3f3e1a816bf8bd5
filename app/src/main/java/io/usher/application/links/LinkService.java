package io.usher.application.links;

import io.usher.application.users.UserLookup;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentSpec;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.ledger.TxnRef;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.servers.ShareStore;
import io.usher.domain.users.User;
import io.usher.domain.users.UserStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Linked users (seed 000): a master pays for sub-accounts on a plan that allows them. Every payment
 * recorded for the master is copied to each sub (same plan, same period, the master's transaction
 * id with the next sequence numbers). Subs that expired and lost their share get the payment but
 * are not re-invited: the owner is told.
 */
public final class LinkService {
  private final Transactions tx;
  private final UserStore users;
  private final PaymentStore payments;
  private final PlanStore plans;
  private final ShareStore shares;
  private final AuditLog audit;

  public LinkService(
      Transactions tx,
      UserStore users,
      PaymentStore payments,
      PlanStore plans,
      ShareStore shares,
      AuditLog audit) {
    this.tx = tx;
    this.users = users;
    this.payments = payments;
    this.plans = plans;
    this.shares = shares;
    this.audit = audit;
  }

  /** Links two users, each named by email, #ID or name ({@link UserLookup}); returns the master. */
  public User link(String masterRef, String subRef) {
    return tx.inTransaction(
        () -> {
          User master = user(masterRef);
          User sub = user(subRef);
          if (master.id() == sub.id()) {
            throw ValidationException.of("sub", "A user cannot be their own sub-account.");
          }
          if (users.masterOf(master.id()).isPresent()) {
            throw new ConflictException(
                master.who() + " is a sub-account itself: unlink it before making it a master.");
          }
          if (!users.subsOf(sub.id()).isEmpty()) {
            throw new ConflictException(sub.who() + " has sub-accounts of its own.");
          }
          Optional<Long> current = users.masterOf(sub.id());
          if (current.isPresent()) {
            throw new ConflictException(
                sub.who()
                    + " is already linked to "
                    + users.byId(current.get()).orElseThrow().who()
                    + ".");
          }
          Plan plan = masterPlan(master);
          int subs = users.subsOf(master.id()).size();
          if (plan.spec().trial()) {
            throw new ConflictException(
                "Linked users are not possible on the trial plan " + plan.name() + ".");
          }
          if (plan.spec().maxSubs() < subs + 1) {
            throw new ConflictException(
                "Plan "
                    + plan.name()
                    + " allows "
                    + plan.spec().maxSubs()
                    + " linked sub-account"
                    + (plan.spec().maxSubs() == 1 ? "" : "s")
                    + " and "
                    + master.who()
                    + " has "
                    + subs
                    + ": raise the plan's limit or unlink one.");
          }
          users.setMaster(sub.id(), master.id());
          audit.record("user", sub.id(), "linked", "sub-account of " + master.who());
          return master;
        });
  }

  public User unlink(String subRef) {
    return tx.inTransaction(
        () -> {
          User sub = user(subRef);
          Long master =
              users
                  .masterOf(sub.id())
                  .orElseThrow(
                      () -> new ConflictException(sub.who() + " is not linked to a master."));
          users.setMaster(sub.id(), null);
          audit.record("user", sub.id(), "unlinked", "no longer a sub-account of user " + master);
          return sub;
        });
  }

  public List<User> subs(String masterRef) {
    return users.subsOf(user(masterRef).id());
  }

  /**
   * Copies a master's payment to every sub; call in the transaction that recorded it. Returns one
   * sentence per sub the owner must act on.
   */
  public List<String> replicate(Payment master) {
    List<String> notices = new ArrayList<>();
    int seq = master.ref().seq();
    for (User sub : users.subsOf(master.userId())) {
      seq++;
      PaymentSpec m = master.spec();
      Payment copy =
          payments.insert(
              new PaymentSpec(
                  sub.id(),
                  m.planId(),
                  io.usher.domain.money.Money.zero(m.amount().currency()),
                  m.period(),
                  new TxnRef(m.ref().txnId(), seq),
                  m.subscriptionId(),
                  m.source(),
                  "Paid by the master account's payment " + m.ref() + "."));
      audit.record("payment", copy.id(), "created", copy.ref() + ": linked to " + m.ref());
      boolean shared = shares.forUser(sub.id()).stream().anyMatch(s -> s.active());
      if (!shared) {
        notices.add(
            sub.spec().label()
                + " got the payment but has no share any more (expired and removed): invite them"
                + " by hand.");
      }
    }
    return notices;
  }

  private Plan masterPlan(User master) {
    return payments.forUser(master.id()).stream()
        .max(Comparator.comparing((Payment p) -> p.period().end()))
        .flatMap(p -> plans.byId(p.spec().planId()))
        .orElseThrow(
            () ->
                new ConflictException(
                    master.who() + " has no payment yet: record the master's plan first."));
  }

  /** The user an owner names by email, #ID or name ({@link UserLookup}). */
  private User user(String reference) {
    return new UserLookup(users).find(reference);
  }
}

package io.usher.application.users;

import io.usher.application.expiry.Dates;
import io.usher.application.invites.InviteService;
import io.usher.application.payments.CurrentPlan;
import io.usher.application.users.UserActions.Outcome;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.ledger.Access;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.media.MediaServer;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.ServerKind;
import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.plans.PriceTag;
import io.usher.domain.referrals.ReferralStore;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerStore;
import io.usher.domain.servers.Share;
import io.usher.domain.servers.ShareStore;
import io.usher.domain.users.User;
import io.usher.domain.users.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taking access away and giving it back, from the Users screen and {@code usher user
 * remove-access|restore-access|delete}. Each first says per user what it would do (the preview).
 *
 * <p>Remove and delete change the servers first: each share is removed on its server, then recorded
 * removed in its own transaction with its audit line, so a server that fails keeps that share as it
 * is and says why while the others go through. Delete then takes the user out of the ledger only
 * once every server let go of them; otherwise the user stays, whole.
 */
public final class AccessActions {
  private static final Logger LOG = LoggerFactory.getLogger(AccessActions.class);

  private final Transactions tx;
  private final UserStore users;
  private final PaymentStore payments;
  private final ShareStore shares;
  private final ServerStore servers;
  private final PlanStore planStore;
  private final ReferralStore referrals;
  private final MediaServers media;
  private final CurrentPlan plans;
  private final InviteService invites;
  private final AuditLog audit;
  private final Clock clock;

  public AccessActions(
      Transactions tx,
      UserStore users,
      PaymentStore payments,
      ShareStore shares,
      ServerStore servers,
      PlanStore planStore,
      ReferralStore referrals,
      MediaServers media,
      CurrentPlan plans,
      InviteService invites,
      AuditLog audit,
      Clock clock) {
    this.tx = tx;
    this.users = users;
    this.payments = payments;
    this.shares = shares;
    this.servers = servers;
    this.planStore = planStore;
    this.referrals = referrals;
    this.media = media;
    this.plans = plans;
    this.invites = invites;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Takes each user's shares off every server now. The ledger keeps their payments: a later payment
   * (or Restore access) shares them again. Users with no access are skipped.
   */
  public List<Outcome> removeAccess(List<Long> userIds, boolean dryRun) {
    Run run = new Run();
    List<Outcome> out = new ArrayList<>();
    for (User user : UserActions.chosen(users, userIds)) {
      List<Share> active = active(user);
      if (active.isEmpty()) {
        out.add(Outcome.skipped(user, "has no access on any server"));
      } else if (dryRun) {
        out.add(Outcome.done(user, "loses " + run.where(active) + "; their payments stay"));
      } else {
        out.add(run.remove(user, active, "removed by the owner", "lost "));
      }
    }
    return out;
  }

  /**
   * Shares each user again as a payment would: on the server chosen for them (the one they were on
   * when it has room), through the outbox. Users who still have access, have a share waiting
   * already, or have no paid time (permanent users aside) are skipped.
   */
  public List<Outcome> restoreAccess(List<Long> userIds, boolean dryRun) {
    Instant now = clock.instant();
    Run run = new Run();
    List<Outcome> out = new ArrayList<>();
    for (User user : UserActions.chosen(users, userIds)) {
      List<Share> active = active(user);
      Optional<Plan> plan =
          user.permanent() ? plans.of(user).or(planStore::defaultPlan) : plans.of(user);
      Optional<Instant> expires =
          Access.expiry(payments.forUser(user.id()).stream().map(Payment::period).toList());
      if (!active.isEmpty()) {
        out.add(Outcome.skipped(user, "still has access on " + run.where(active)));
      } else if (invites.shareQueued(user.id())) {
        out.add(Outcome.skipped(user, "has a share waiting to be made already (see Jobs)"));
      } else if (plan.isEmpty()
          || !user.permanent() && expires.filter(e -> e.isAfter(now)).isEmpty()) {
        out.add(
            Outcome.skipped(
                user, "has no paid time to give access for: extend them or add a payment"));
      } else {
        out.add(restore(user, plan.get(), dryRun));
      }
    }
    return out;
  }

  private Outcome restore(User user, Plan plan, boolean dryRun) {
    try {
      if (dryRun) {
        return Outcome.done(
            user,
            "is shared again on " + invites.shareTarget(user, plan) + " (" + plan.name() + ")");
      }
      String where =
          tx.inTransaction(
                  () -> {
                    Optional<String> queued = invites.queueShare(user, plan);
                    queued.ifPresent(
                        label ->
                            audit.record(
                                "user", user.id(), "access restored", label + ": by the owner"));
                    return queued;
                  })
              .orElse(null);
      return where == null
          ? Outcome.skipped(user, "has access again already")
          : Outcome.done(
              user,
              "is being shared again on " + where + " (" + plan.name() + "); Jobs shows progress");
    } catch (UsherException e) {
      return Outcome.failed(user, e.getMessage());
    }
  }

  /**
   * Takes each user off every server, then out of the ledger with their payments, shares and
   * referrals; their sub-accounts become users of their own. The audit log keeps one line with what
   * was deleted. A user a server would not let go of is kept, whole.
   */
  public List<Outcome> delete(List<Long> userIds, boolean dryRun) {
    Run run = new Run();
    List<Outcome> out = new ArrayList<>();
    for (User user : UserActions.chosen(users, userIds)) {
      List<Share> active = active(user);
      List<Payment> paid = payments.forUser(user.id());
      String what = deleted(user, paid);
      if (dryRun) {
        out.add(
            Outcome.done(
                user,
                (active.isEmpty() ? "" : "loses " + run.where(active) + "; ")
                    + "is deleted with "
                    + what));
        continue;
      }
      if (!active.isEmpty()) {
        Outcome removed = run.remove(user, active, "removed to delete the user", "lost ");
        if (removed.state() == Outcome.State.FAILED) {
          out.add(
              Outcome.failed(
                  user, removed.what() + "; so the user is kept: try again when it answers"));
          continue;
        }
      }
      tx.run(
          () -> {
            audit.record("user", user.id(), "deleted", user.who() + " with " + what + record(paid));
            users.delete(user.id());
          });
      out.add(Outcome.done(user, "deleted with " + what));
    }
    return out;
  }

  /** "3 payments (US$ 30.00), 1 referral; Bob becomes a user of their own". */
  private String deleted(User user, List<Payment> paid) {
    Map<Currency, Long> sums = new LinkedHashMap<>();
    paid.forEach(
        p -> sums.merge(p.spec().amount().currency(), p.spec().amount().minor(), Long::sum));
    List<String> money =
        sums.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .map(e -> PriceTag.price(new Money(e.getValue(), e.getKey())))
            .toList();
    StringBuilder text =
        new StringBuilder(
            paid.isEmpty()
                ? "no payments"
                : paid.size()
                    + (paid.size() == 1 ? " payment" : " payments")
                    + (money.isEmpty() ? " of no money" : " (" + String.join(" + ", money) + ")"));
    int referred = referrals.by(user.id()).size() + (referrals.of(user.id()).isPresent() ? 1 : 0);
    if (referred > 0) {
      text.append(referred == 1 ? ", 1 referral" : ", " + referred + " referrals");
    }
    List<String> subs = users.subsOf(user.id()).stream().map(User::who).toList();
    if (!subs.isEmpty()) {
      text.append("; ")
          .append(String.join(", ", subs))
          .append(subs.size() == 1 ? " becomes a user" : " become users")
          .append(" of their own");
    }
    return text.toString();
  }

  /** Each payment, for the audit line: what an owner would need to put it back by hand. */
  private static String record(List<Payment> paid) {
    return paid.isEmpty()
        ? ""
        : paid.stream()
            .map(
                p ->
                    p.spec().ref().txnId()
                        + "/"
                        + p.spec().ref().seq()
                        + " "
                        + PriceTag.price(p.spec().amount())
                        + " "
                        + Dates.day(p.period().start())
                        + "–"
                        + Dates.day(p.period().end()))
            .collect(java.util.stream.Collectors.joining("; ", ": ", ""));
  }

  private List<Share> active(User user) {
    return shares.forUser(user.id()).stream().filter(Share::active).toList();
  }

  /** One action over many users: the servers and their connections, looked up once. */
  private final class Run {
    private final Map<Long, Server> byId = new HashMap<>();
    private final Map<Long, MediaServer> connections = new HashMap<>();

    Run() {
      servers.all().forEach(s -> byId.put(s.id(), s));
    }

    /** "Plex A (share removed), Jelly (account disabled)". */
    String where(List<Share> active) {
      return String.join(
          ", ",
          active.stream()
              .map(
                  s -> {
                    Server server = byId.get(s.serverId());
                    if (server == null) {
                      return "a server no longer linked";
                    }
                    return server.name()
                        + (server.kind() == ServerKind.PLEX
                            ? " (share removed)"
                            : " (account " + s.account() + " disabled)");
                  })
              .toList());
    }

    Outcome remove(User user, List<Share> active, String why, String verb) {
      Instant now = clock.instant();
      List<String> done = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      for (Share share : active) {
        Server server = byId.get(share.serverId());
        String name = server == null ? "a server no longer linked" : server.name();
        String label = server == null ? name : server.label();
        try {
          if (server != null) {
            connections
                .computeIfAbsent(server.id(), k -> media.connect(server.connection()))
                .remove(share.onServer(user.email()));
          }
          tx.run(
              () -> {
                shares.save(List.of(share.removed(now)));
                audit.record("user", user.id(), "access removed", label + ": " + why);
              });
          done.add(name);
        } catch (RuntimeException e) {
          if (server != null) {
            connections.remove(server.id());
          }
          if (!(e instanceof UsherException)) {
            LOG.error("Removing {} from {} failed", user.who(), label, e);
          }
          failed.add(
              name
                  + " failed ("
                  + (e instanceof UsherException ? e.getMessage() : "unexpected error; see the log")
                  + "), still shared there");
        }
      }
      String text =
          (done.isEmpty() ? "" : verb + String.join(", ", done) + (failed.isEmpty() ? "" : "; "))
              + String.join("; ", failed);
      return failed.isEmpty() ? Outcome.done(user, text) : Outcome.failed(user, text);
    }
  }
}

package io.usher.application.sync;

import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.AuditEntry;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.ledger.DefaultPayment;
import io.usher.domain.ledger.PaymentSpec;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.media.MediaLibrary;
import io.usher.domain.media.MediaServer;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.servers.Library;
import io.usher.domain.servers.LibraryStore;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerStore;
import io.usher.domain.servers.Share;
import io.usher.domain.servers.ShareStore;
import io.usher.domain.sync.Arrival;
import io.usher.domain.sync.Reconciler;
import io.usher.domain.sync.SyncPlan;
import io.usher.domain.users.User;
import io.usher.domain.users.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports and updates users and shares from every enabled server (seed 002). Each server is read
 * first and written in one transaction, so a server that fails half-way — offline, a wrong token,
 * an unreadable answer — leaves nothing of itself behind while the others go through.
 */
public final class SyncService {
  private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

  private final Transactions tx;
  private final ServerStore servers;
  private final LibraryStore libraries;
  private final ShareStore shares;
  private final UserStore users;
  private final PaymentStore payments;
  private final PlanStore plans;
  private final AuditLog audit;
  private final MediaServers media;
  private final BooleanSupplier importPermanent;
  private final Clock clock;

  public SyncService(
      Transactions tx,
      ServerStore servers,
      LibraryStore libraries,
      ShareStore shares,
      UserStore users,
      PaymentStore payments,
      PlanStore plans,
      AuditLog audit,
      MediaServers media,
      BooleanSupplier importPermanent,
      Clock clock) {
    this.tx = tx;
    this.servers = servers;
    this.libraries = libraries;
    this.shares = shares;
    this.users = users;
    this.payments = payments;
    this.plans = plans;
    this.audit = audit;
    this.media = media;
    this.importPermanent = importPermanent;
    this.clock = clock;
  }

  /**
   * @param serverName one server, or null for every enabled one
   */
  public SyncReport run(String serverName, SyncProgress progress) {
    List<Server> targets = targets(serverName);
    boolean permanent = importPermanent.getAsBoolean();
    Optional<Plan> defaultPlan = plans.defaultPlan();
    if (!permanent && defaultPlan.isEmpty()) {
      throw new UsherException(
          "Create a plan before syncing: every imported user gets a first payment on the default"
              + " plan.");
    }
    Totals totals = new Totals();
    for (int i = 0; i < targets.size(); i++) {
      if (progress.cancelled()) {
        return totals.report(i, true);
      }
      Server server = targets.get(i);
      double share = 1.0 / targets.size();
      try {
        syncOne(server, permanent, defaultPlan.orElse(null), progress, i * share, share, totals);
      } catch (UsherException e) {
        totals.problems.add(server.label() + ": " + e.getMessage());
      } catch (RuntimeException e) {
        LOG.error("Sync of {} failed", server, e);
        totals.problems.add(
            server.label()
                + ": unexpected error ("
                + e.getClass().getSimpleName()
                + "); see the log.");
      }
    }
    progress.step("Done", 1);
    return totals.report(targets.size(), false);
  }

  private void syncOne(
      Server server,
      boolean permanent,
      Plan defaultPlan,
      SyncProgress progress,
      double base,
      double span,
      Totals totals) {
    progress.step("Reading libraries of " + server.label(), base);
    MediaServer remote = media.connect(server.connection());
    List<MediaLibrary> found = remote.libraries();
    progress.step("Reading users of " + server.label(), base + span * 0.2);
    List<RemoteUser> people = remote.users();
    if (progress.cancelled()) {
      return;
    }
    progress.step("Saving " + people.size() + " accounts of " + server.label(), base + span * 0.6);
    // Whole seconds, as manual payments: periods read the same in the window, CLI and JSON.
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    tx.run(
        () -> {
          totals.newLibraries += libraries.replace(server.id(), found);
          Map<String, Long> libraryIds = new HashMap<>();
          for (Library l : libraries.forServer(server.id())) {
            libraryIds.put(l.providerId(), l.id());
          }
          Map<String, Long> byEmail = users.idsByEmail();
          SyncPlan plan =
              new Reconciler(server.id(), permanent, now)
                  .plan(
                      people,
                      shares.forServer(server.id()),
                      e -> Optional.ofNullable(byEmail.get(e)),
                      libraryIds);
          apply(server, plan, defaultPlan, now, totals);
        });
  }

  private void apply(Server server, SyncPlan plan, Plan defaultPlan, Instant now, Totals totals) {
    List<User> created = users.insertAll(plan.arrivals().stream().map(Arrival::user).toList());
    List<Share> writes = new ArrayList<>(plan.shares());
    List<PaymentSpec> firstPayments = new ArrayList<>();
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = 0; i < created.size(); i++) {
      User user = created.get(i);
      Share s = plan.arrivals().get(i).share();
      writes.add(
          new Share(
              0,
              user.id(),
              s.serverId(),
              s.account(),
              s.accountId(),
              s.providerShareId(),
              s.invitedAt(),
              s.acceptedAt(),
              s.pending(),
              null,
              s.allLibraries(),
              s.libraryIds()));
      if (!user.permanent()) {
        firstPayments.add(
            DefaultPayment.forImportedUser(user.id(), defaultPlan, now, "sync-" + user.id()));
      }
      entries.add(
          new AuditEntry(
              now,
              "user",
              user.id(),
              "imported",
              s.account() + " from " + server.label() + (user.permanent() ? " (permanent)" : "")));
    }
    shares.save(writes);
    payments.insertAll(firstPayments);
    audit.recordAll(entries);
    totals.newUsers += created.size();
    totals.updatedUsers += plan.newShares() + plan.updatedShares();
    totals.removedShares += plan.removedShares();
    plan.problems().forEach(p -> totals.problems.add(server.label() + ": " + p));
  }

  private List<Server> targets(String serverName) {
    if (serverName != null) {
      Server one =
          servers
              .byName(serverName)
              .orElseThrow(
                  () ->
                      ValidationException.of(
                          "server", "There is no server named '" + serverName + "'."));
      return List.of(one);
    }
    return servers.all().stream().filter(s -> s.settings().enabled()).toList();
  }

  private static final class Totals {
    int newUsers;
    int updatedUsers;
    int removedShares;
    int newLibraries;
    final List<String> problems = new ArrayList<>();

    SyncReport report(int servers, boolean cancelled) {
      return new SyncReport(
          servers,
          newUsers,
          updatedUsers,
          removedShares,
          newLibraries,
          List.copyOf(problems),
          cancelled);
    }
  }
}

package io.usher.application.invites;

import io.usher.application.links.LinkService;
import io.usher.application.outbox.OutboxService;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.Inputs;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.invites.Candidate;
import io.usher.domain.invites.NoServerException;
import io.usher.domain.invites.ServerChoice;
import io.usher.domain.ledger.Access;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentSpec;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.ledger.TxnRef;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.ServerKind;
import io.usher.domain.media.ShareRequest;
import io.usher.domain.media.ShareResult;
import io.usher.domain.outbox.OutboxHandler;
import io.usher.domain.outbox.OutboxItem;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.servers.Library;
import io.usher.domain.servers.LibraryStore;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerStore;
import io.usher.domain.servers.Share;
import io.usher.domain.servers.ShareStore;
import io.usher.domain.users.Emails;
import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.domain.users.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inviting a person by hand (seed 001): Usher shares the plan's libraries first and records the
 * payment only once the server said yes. A server that refuses for good records nothing; one that
 * cannot be reached for now gets the payment recorded and the share queued in the outbox, retried
 * until it succeeds.
 */
public final class InviteService {
  private static final Logger LOG = LoggerFactory.getLogger(InviteService.class);

  private final Transactions tx;
  private final UserStore users;
  private final PlanStore plans;
  private final PaymentStore payments;
  private final ServerStore servers;
  private final ShareStore shares;
  private final OutboxService outbox;
  private final AuditLog audit;
  private final ServerShares onServer;
  private final OwnerAlert alert;
  private final LinkService links;
  private final java.util.function.BooleanSupplier plexChangeForced;
  private final BiFunction<User, Plan, Optional<String>> creditFirst;
  private final Clock clock;

  /**
   * @param plexChangeForced whether a user tagged "must change Plex account" is refused a Plex
   *     invite until they moved (setting account.plex-change)
   * @param creditFirst moves a user's running payment on another plan to the invited one first (a
   *     mid-term plan change with its credit); empty when nothing moved
   */
  public InviteService(
      Transactions tx,
      UserStore users,
      PlanStore plans,
      PaymentStore payments,
      ServerStore servers,
      LibraryStore libraries,
      ShareStore shares,
      MediaServers media,
      OutboxService outbox,
      AuditLog audit,
      Welcome welcome,
      OwnerAlert alert,
      LinkService links,
      java.util.function.BooleanSupplier plexChangeForced,
      BiFunction<User, Plan, Optional<String>> creditFirst,
      Clock clock) {
    this.creditFirst = creditFirst;
    this.plexChangeForced = plexChangeForced;
    this.alert = alert;
    this.links = links;
    this.tx = tx;
    this.users = users;
    this.plans = plans;
    this.payments = payments;
    this.servers = servers;
    this.shares = shares;
    this.outbox = outbox;
    this.audit = audit;
    this.onServer = new ServerShares(media, libraries, shares, payments, audit, welcome);
    this.clock = clock;
  }

  /** An invite checked against the ledger and ready for its server call. */
  private record Prepared(
      String email,
      String paypal,
      Plan plan,
      Optional<User> known,
      Server server,
      List<String> granted,
      Instant now,
      PaymentSpec draft,
      String accountName) {}

  private Prepared prepare(InviteRequest r) {
    String email = Emails.normalize(r.email());
    String paypal = Emails.normalizeOptional("paypalEmail", r.paypalEmail());
    Plan plan =
        plans
            .byName(r.plan() == null ? "" : r.plan())
            .orElseThrow(
                () -> ValidationException.of("plan", "There is no plan named '" + r.plan() + "'."));
    Optional<User> known = users.byEmail(email);
    Server server = server(r, plan, known);
    refuseIfMustMove(known, server);
    List<String> granted = onServer.grantedLibraries(server, plan);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    PaymentSpec draft = draft(r, plan, known, now);
    String accountName = server.kind() == ServerKind.PLEX ? email : username(r, email, server);
    return new Prepared(email, paypal, plan, known, server, granted, now, draft, accountName);
  }

  /**
   * Everything {@link #invite} checks before it calls the server, without calling it or writing:
   * the CSV import's dry run, so a file that passes it cannot be refused half-way.
   *
   * @throws UsherException the sentence the invite would fail with
   */
  public void check(InviteRequest r) {
    prepare(r);
  }

  public InviteResult invite(InviteRequest r) {
    Prepared p = prepare(r);
    String email = p.email();
    String paypal = p.paypal();
    Plan plan = p.plan();
    Optional<User> known = p.known();
    Server server = p.server();
    List<String> granted = p.granted();
    Instant now = p.now();
    PaymentSpec draft = p.draft();
    String accountName = p.accountName();

    ShareResult shared;
    String queuedBecause = null;
    Optional<Share> removedBefore = onServer.removedShare(known, server);
    String account = removedBefore.map(Share::account).orElse(accountName);
    ShareRequest request =
        new ShareRequest(
            email,
            account,
            null,
            granted,
            plan.spec().downloads(),
            plan.spec().transcode(),
            plan.spec().maxStreams());
    var remote = onServer.connect(server);
    boolean created = false;
    try {
      ServerShares.Made made = onServer.shareOrRestore(remote, request, removedBefore, email);
      shared = made.result();
      created = made.created();
    } catch (MediaServerException e) {
      if (!e.passing()) {
        throw e;
      }
      shared = null;
      queuedBecause = e.getMessage();
    }
    ShareResult result = shared;
    String reason = queuedBecause;
    try {
      return recordInvite(
          r, known, paypal, email, server, plan, draft, result, account, granted, now, reason);
    } catch (RuntimeException ledgerFailed) {
      if (created) {
        withdraw(remote, email, result, ledgerFailed);
      }
      throw ledgerFailed;
    }
  }

  /**
   * Everything is checked before the server is called, yet the ledger write can still fail (a
   * webhook recorded the same transaction meanwhile, the disk is full): the account just made is
   * taken back, so no one has access that the ledger does not know of.
   */
  private static void withdraw(
      io.usher.domain.media.MediaServer remote,
      String email,
      ShareResult made,
      RuntimeException ledgerFailed) {
    try {
      remote.remove(
          new io.usher.domain.media.RemoteUser(
              made.accountId(),
              made.username(),
              email,
              made.shareId(),
              List.of(),
              false,
              made.pending(),
              null,
              null));
    } catch (MediaServerException undo) {
      ledgerFailed.addSuppressed(undo);
      LOG.warn(
          "The invite of {} was not recorded, and taking the new account {} back failed: remove it"
              + " on the server by hand ({})",
          email,
          made.username(),
          undo.getMessage());
    }
  }

  private InviteResult recordInvite(
      InviteRequest r,
      Optional<User> known,
      String paypal,
      String email,
      Server server,
      Plan plan,
      PaymentSpec draft,
      ShareResult result,
      String account,
      List<String> granted,
      Instant now,
      String reason) {
    return tx.inTransaction(
        () -> {
          User user = known.map(u -> withPaypal(u, paypal)).orElseGet(() -> create(email, paypal));
          PaymentSpec spec = draft.forUser(user.id());
          if (known.isPresent()
              && r.paidAt() == null
              && r.end() == null
              && creditFirst.apply(user, plan).isPresent()) {
            // The running payment on another plan moved to this one with its credit (seed FAQ):
            // the invite's time starts where the credit ends.
            Optional<Instant> credited =
                Access.expiry(payments.forUser(user.id()).stream().map(Payment::period).toList());
            spec = InviteDraft.payment(r, draft.ref(), plan, credited, now).forUser(user.id());
          }
          Payment payment = payments.insert(spec);
          links
              .replicate(payment)
              .forEach(n -> audit.record("user", user.id(), "linked payment", n));
          audit.record(
              "payment",
              payment.id(),
              "created",
              payment.ref()
                  + ": invite of "
                  + email
                  + " to "
                  + server.label()
                  + ", "
                  + plan.name());
          if (result != null) {
            onServer.record(user, server, plan, result, account, granted, now);
          } else {
            outbox.enqueue(
                QueuedShare.KIND,
                new QueuedShare(user.id(), server.id(), plan.id(), account).encode());
          }
          return new InviteResult(user, payment, server, account, result == null, reason);
        });
  }

  /**
   * Queues the share of a paid plan for a user (a provider payment): the server is chosen as for an
   * invite and the outbox's "invite" handler does the share. Call it inside the transaction that
   * records the payment. Nothing is queued when the user already has an active share or one queued.
   *
   * @return the chosen server's label, or empty when the user is already shared
   * @throws NoServerException when no server can take the user (the owner is alerted)
   */
  public Optional<String> queueShare(User user, Plan plan) {
    if (shareQueued(user.id()) || shares.forUser(user.id()).stream().anyMatch(Share::active)) {
      return Optional.empty();
    }
    InviteRequest r = InviteRequest.of(user.email(), plan.name(), null);
    Server server = server(r, plan, Optional.of(user));
    refuseIfMustMove(Optional.of(user), server);
    onServer.grantedLibraries(server, plan);
    String account =
        onServer
            .removedShare(Optional.of(user), server)
            .map(Share::account)
            .orElseGet(
                () ->
                    server.kind() == ServerKind.PLEX
                        ? user.email()
                        : username(r, user.email(), server));
    outbox.enqueue(
        QueuedShare.KIND, new QueuedShare(user.id(), server.id(), plan.id(), account).encode());
    return Optional.of(server.label());
  }

  /**
   * The server {@link #queueShare} would choose for the user now, for a preview: nothing is queued
   * and the owner is not alerted.
   *
   * @throws NoServerException when no server can take the user
   */
  public String shareTarget(User user, Plan plan) {
    Server server =
        server(
            InviteRequest.of(user.email(), plan.name(), null),
            plan,
            Optional.of(user),
            servers.all(),
            false);
    refuseIfMustMove(Optional.of(user), server);
    onServer.grantedLibraries(server, plan);
    return server.label();
  }

  /**
   * A share made for a user's new Plex account, waiting to be recorded with the account change.
   *
   * @param account the new account's email, which the share is made for
   */
  public record PlexInvite(
      Server server,
      Plan plan,
      ShareResult result,
      boolean created,
      List<String> granted,
      String account) {}

  /**
   * A Plex account change of a user on no Plex server (seed 004): the new account is invited now on
   * the Plex server that fits the user's current plan, as an invite would choose it. Plex refusing
   * the email ({@link MediaServerException.Kind#INVALID_ACCOUNT}) is how the change learns it is no
   * Plex account. Record it with {@link #recordPlexInvite} in the transaction that renames the
   * user, or take it back with {@link #withdrawPlexInvite}.
   *
   * @return empty when the user has no paid time now (a permanent user without a payment is on the
   *     default plan), so there is nothing to invite to
   * @throws MediaServerException from Plex
   * @throws NoServerException when no Plex server can take the user (the owner is alerted)
   */
  public Optional<PlexInvite> invitePlexAccount(User user, String email) {
    Instant now = clock.instant();
    Optional<Plan> plan =
        payments.forUser(user.id()).stream()
            .filter(p -> p.period().contains(now))
            .max(java.util.Comparator.comparing((Payment p) -> p.period().end()))
            .flatMap(p -> plans.byId(p.spec().planId()));
    if (plan.isEmpty() && user.permanent()) {
      plan = plans.defaultPlan();
    }
    if (plan.isEmpty()) {
      return Optional.empty();
    }
    Plan on = plan.get();
    Server server =
        server(
            InviteRequest.of(email, on.name(), null),
            on,
            Optional.of(user),
            servers.all().stream().filter(s -> s.kind() == ServerKind.PLEX).toList());
    List<String> granted = onServer.grantedLibraries(server, on);
    ServerShares.Made made =
        onServer.shareOrRestore(
            onServer.connect(server),
            new ShareRequest(
                email,
                email,
                null,
                granted,
                on.spec().downloads(),
                on.spec().transcode(),
                on.spec().maxStreams()),
            Optional.empty(),
            email);
    return Optional.of(new PlexInvite(server, on, made.result(), made.created(), granted, email));
  }

  /** Records the share of {@link #invitePlexAccount} for the renamed user, in its transaction. */
  public void recordPlexInvite(User renamed, PlexInvite invite) {
    onServer.record(
        renamed,
        invite.server(),
        invite.plan(),
        invite.result(),
        invite.account(),
        invite.granted(),
        clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  /** The change could not be recorded: the share of {@link #invitePlexAccount} is taken back. */
  public void withdrawPlexInvite(PlexInvite invite, RuntimeException failed) {
    if (invite.created()) {
      withdraw(onServer.connect(invite.server()), invite.account(), invite.result(), failed);
    }
  }

  /**
   * Seed 004: a user tagged to change Plex account (the old one was banned, say) is not invited
   * under the old account; they move first, on their account page or by the owner's change-account.
   */
  private void refuseIfMustMove(Optional<User> known, Server server) {
    if (server.kind() == ServerKind.PLEX
        && plexChangeForced.getAsBoolean()
        && known.filter(u -> u.spec().mustChangeAccount()).isPresent()) {
      throw new ConflictException(
          known.get().email()
              + " is tagged to change Plex account: they change it on their account page (or you,"
              + " with Change account) before a Plex invite goes out.");
    }
  }

  /** Whether a share of the user waits in the outbox (a payment's, or one that failed for now). */
  public boolean shareQueued(long userId) {
    return queuedShare(userId).isPresent();
  }

  /** The share of the user waiting in the outbox, if any, with why its last try failed. */
  public Optional<OutboxItem> queuedShare(long userId) {
    return outbox.pending().stream()
        .filter(
            i ->
                QueuedShare.KIND.equals(i.kind())
                    && QueuedShare.decode(i.payload()).userId() == userId)
        .findFirst();
  }

  /**
   * The outbox handler of queued shares, which tries one again; registered with the outbox where
   * the application is wired, beside the other handlers.
   */
  public OutboxHandler queuedShares() {
    return OutboxHandler.of(
        QueuedShare.KIND,
        payload -> {
          QueuedShare queued = QueuedShare.decode(payload);
          Optional<User> found = users.byId(queued.userId());
          if (found.isEmpty()) {
            // The owner deleted the user while the share waited: there is no one to share with.
            return;
          }
          shareOn(
              found.get(),
              servers.byId(queued.serverId()).orElseThrow(),
              plans.byId(queued.planId()).orElseThrow(),
              queued.account());
        });
  }

  /**
   * Shares the plan's libraries with the user on the server now and records the share with its
   * welcome, in the caller's transaction: a queued share's retry, and a move between servers. A
   * Jellyfin/Emby account kept from before (expiry disables it) is enabled again rather than
   * doubled, as for a manual invite; a Plex server that has the person shared already counts as
   * shared.
   *
   * @param account the Plex email, or the Jellyfin/Emby user name ({@link #accountFor})
   * @throws UsherException the plan grants no library there, or the server refused or failed
   */
  public void shareOn(User user, Server server, Plan plan, String account) {
    List<String> granted = onServer.grantedLibraries(server, plan);
    ShareRequest request =
        new ShareRequest(
            user.email(),
            account,
            null,
            granted,
            plan.spec().downloads(),
            plan.spec().transcode(),
            plan.spec().maxStreams());
    ServerShares.Made made =
        onServer.shareOrRestore(
            onServer.connect(server),
            request,
            onServer.removedShare(Optional.of(user), server),
            user.email());
    onServer.record(
        user,
        server,
        plan,
        made.result(),
        account,
        granted,
        clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * The account a share of the user on the server is made for: the Plex email; on Jellyfin/Emby the
   * account they had there, else {@code wanted} (or the email's local part) made unique among the
   * server's accounts.
   */
  public String accountFor(User user, Server server, String wanted) {
    Optional<Share> kept = onServer.removedShare(Optional.of(user), server);
    if (kept.isPresent()) {
      return kept.get().account();
    }
    if (server.kind() == ServerKind.PLEX) {
      return user.email();
    }
    return uniqueName(
        wanted != null ? wanted : user.email() == null ? "user" : user.email(), server);
  }

  /** The libraries the plan grants on the server (its groups), for a preview. */
  public List<Library> grantedOn(Server server, Plan plan) {
    return onServer.granted(server, plan);
  }

  private Server server(InviteRequest r, Plan plan, Optional<User> known) {
    return server(r, plan, known, servers.all(), true);
  }

  private Server server(InviteRequest r, Plan plan, Optional<User> known, List<Server> all) {
    return server(r, plan, known, all, true);
  }

  /**
   * As {@link #server(InviteRequest, Plan, Optional)}, choosing among {@code all} only.
   *
   * @param alertOwner tell the owner when no server can take the user (not for a preview)
   */
  private Server server(
      InviteRequest r, Plan plan, Optional<User> known, List<Server> all, boolean alertOwner) {
    if (r.server() != null && !r.server().isBlank()) {
      Server chosen =
          all.stream()
              .filter(s -> s.name().equalsIgnoreCase(r.server().strip()))
              .findFirst()
              .orElseThrow(
                  () ->
                      ValidationException.of(
                          "server", "There is no server named '" + r.server().strip() + "'."));
      if (!chosen.settings().enabled()) {
        throw ValidationException.of(
            "server", chosen.label() + " is disabled: enable it or choose another server.");
      }
      return chosen;
    }
    Map<Long, Integer> counts = servers.userCounts();
    List<Candidate> candidates =
        all.stream()
            .map(
                s ->
                    new Candidate(
                        s.id(),
                        s.name(),
                        s.settings().enabled(),
                        s.settings().acceptsNewUsers(),
                        s.settings().acceptsTrials(),
                        s.settings().trialOnly(),
                        s.settings().capacity(),
                        counts.getOrDefault(s.id(), 0),
                        s.settings().location(),
                        !onServer.grantedIds(s, plan).isEmpty()))
            .toList();
    List<Share> history = known.map(u -> shares.forUser(u.id())).orElse(List.of());
    Long current =
        history.stream()
            .filter(s -> s.active() && !s.pending())
            .map(Share::serverId)
            .findFirst()
            .orElse(null);
    Long pending =
        history.stream()
            .filter(s -> s.active() && s.pending())
            .map(Share::serverId)
            .findFirst()
            .orElse(null);
    List<Long> previous = history.stream().filter(s -> !s.active()).map(Share::serverId).toList();
    long id;
    try {
      id =
          ServerChoice.choose(
                  candidates,
                  current,
                  pending,
                  previous,
                  plan.name(),
                  plan.spec().trial(),
                  r.location())
              .id();
    } catch (NoServerException full) {
      if (alertOwner) {
        alert.alert(full.getMessage() + " (inviting " + r.email() + ")");
      }
      throw full;
    }
    return all.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
  }

  private PaymentSpec draft(InviteRequest r, Plan plan, Optional<User> known, Instant now) {
    Inputs.given("txn", "transaction id", r.txn());
    TxnRef ref =
        new TxnRef(
            r.txn() == null ? "invite-" + UUID.randomUUID().toString().substring(0, 13) : r.txn(),
            r.seq() == null ? 1 : r.seq());
    if (payments.byRef(ref).isPresent()) {
      throw new ConflictException(
          "Transaction " + ref.txnId() + " (sequence " + ref.seq() + ") is already in the ledger.");
    }
    Optional<Instant> expiry =
        known.flatMap(
            u -> Access.expiry(payments.forUser(u.id()).stream().map(Payment::period).toList()));
    InviteDraft.username(r);
    return InviteDraft.payment(r, ref, plan, expiry, now);
  }

  private User create(String email, String paypal) {
    User user = users.insert(new UserSpec(email, null, false, false, paypal, null, null, null));
    audit.record("user", user.id(), "created", email + " (invite)");
    return user;
  }

  private User withPaypal(User user, String paypal) {
    if (paypal == null || paypal.equals(user.spec().paypalEmail())) {
      return user;
    }
    User updated = new User(user.id(), user.spec().withPaypalEmail(paypal));
    users.update(updated);
    return updated;
  }

  /** Jellyfin/Emby user names: as asked, else the email's local part, made unique here. */
  private String username(InviteRequest r, String email, Server server) {
    String asked = InviteDraft.username(r);
    if (asked != null) {
      return asked;
    }
    return uniqueName(email, server);
  }

  /** The local part of {@code wanted} (an email or a name), made unique on the server. */
  private String uniqueName(String wanted, Server server) {
    int at = wanted.indexOf('@');
    String base = (at < 0 ? wanted : wanted.substring(0, at)).replaceAll("[^A-Za-z0-9._-]", "");
    if (base.isEmpty()) {
      base = "user";
    }
    Set<String> taken = new HashSet<>();
    shares.forServer(server.id()).forEach(s -> taken.add(s.account().toLowerCase(Locale.ROOT)));
    String name = base;
    for (int i = 2; taken.contains(name.toLowerCase(Locale.ROOT)); i++) {
      name = base + i;
    }
    return name;
  }
}

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
import io.usher.domain.outbox.Payload;
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

  public static final String OUTBOX_KIND = "invite";

  private final Transactions tx;
  private final UserStore users;
  private final PlanStore plans;
  private final PaymentStore payments;
  private final ServerStore servers;
  private final LibraryStore libraries;
  private final ShareStore shares;
  private final MediaServers media;
  private final OutboxService outbox;
  private final AuditLog audit;
  private final Welcome welcome;
  private final OwnerAlert alert;
  private final LinkService links;
  private final java.util.function.BooleanSupplier plexChangeForced;
  private final Clock clock;

  /**
   * @param plexChangeForced whether a user tagged "must change Plex account" is refused a Plex
   *     invite until they moved (setting account.plex-change)
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
      Clock clock) {
    this.plexChangeForced = plexChangeForced;
    this.alert = alert;
    this.links = links;
    this.tx = tx;
    this.users = users;
    this.plans = plans;
    this.payments = payments;
    this.servers = servers;
    this.libraries = libraries;
    this.shares = shares;
    this.media = media;
    this.outbox = outbox;
    this.audit = audit;
    this.welcome = welcome;
    this.clock = clock;
    outbox.register(retry());
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
    List<String> granted = grantedLibraries(server, plan);
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
    Optional<Share> removedBefore = removedShare(known, server);
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
    var remote = media.connect(server.connection());
    boolean created = false;
    try {
      shared =
          removedBefore.isPresent()
              ? remote.restore(removedBefore.get().onServer(email), request)
              : remote.share(request);
      created = removedBefore.isEmpty();
    } catch (MediaServerException e) {
      if (e.kind() == MediaServerException.Kind.ALREADY_SHARED) {
        shared = new ShareResult(null, account, null, false, null);
      } else if (e.passing()) {
        shared = null;
        queuedBecause = e.getMessage();
      } else {
        throw e;
      }
    }
    ShareResult result = shared;
    String reason = queuedBecause;
    try {
      return recordInvite(
          known, paypal, email, server, plan, draft, result, account, granted, now, reason);
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
          Payment payment = payments.insert(draft.forUser(user.id()));
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
            record(user, server, plan, result, account, granted, now);
          } else {
            outbox.enqueue(
                OUTBOX_KIND,
                Payload.encode(
                    Map.of(
                        "user", Long.toString(user.id()),
                        "server", Long.toString(server.id()),
                        "plan", Long.toString(plan.id()),
                        "account", account)));
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
    grantedLibraries(server, plan);
    String account =
        removedShare(Optional.of(user), server)
            .map(Share::account)
            .orElseGet(
                () ->
                    server.kind() == ServerKind.PLEX
                        ? user.email()
                        : username(r, user.email(), server));
    outbox.enqueue(
        OUTBOX_KIND,
        Payload.encode(
            Map.of(
                "user", Long.toString(user.id()),
                "server", Long.toString(server.id()),
                "plan", Long.toString(plan.id()),
                "account", account)));
    return Optional.of(server.label());
  }

  /**
   * A share made for a user's new Plex account, waiting to be recorded with the account change.
   *
   * @param account the new account's email, which the share is made for
   */
  public record PlexInvite(
      Server server, Plan plan, ShareResult result, List<String> granted, String account) {}

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
    List<String> granted = grantedLibraries(server, on);
    ShareResult result;
    try {
      result =
          media
              .connect(server.connection())
              .share(
                  new ShareRequest(
                      email,
                      email,
                      null,
                      granted,
                      on.spec().downloads(),
                      on.spec().transcode(),
                      on.spec().maxStreams()));
    } catch (MediaServerException e) {
      if (e.kind() != MediaServerException.Kind.ALREADY_SHARED) {
        throw e;
      }
      result = new ShareResult(null, email, null, false, null);
    }
    return Optional.of(new PlexInvite(server, on, result, granted, email));
  }

  /** Records the share of {@link #invitePlexAccount} for the renamed user, in its transaction. */
  public void recordPlexInvite(User renamed, PlexInvite invite) {
    record(
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
    if (invite.result().accountId() == null && invite.result().shareId() == null) {
      // Plex said the account was shared already: that share is not this change's to take back.
      return;
    }
    withdraw(
        media.connect(invite.server().connection()), invite.account(), invite.result(), failed);
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
    String id = Long.toString(userId);
    return outbox.pending().stream()
        .anyMatch(
            i ->
                OUTBOX_KIND.equals(i.kind()) && id.equals(Payload.decode(i.payload()).get("user")));
  }

  private void record(
      User user,
      Server server,
      Plan plan,
      ShareResult result,
      String account,
      List<String> granted,
      Instant now) {
    Map<String, Long> byProvider = new java.util.HashMap<>();
    libraries.forServer(server.id()).forEach(l -> byProvider.put(l.providerId(), l.id()));
    Set<Long> ids = new HashSet<>();
    granted.forEach(p -> ids.add(byProvider.get(p)));
    Optional<Share> before =
        shares.forUser(user.id()).stream().filter(s -> s.serverId() == server.id()).findFirst();
    shares.save(
        List.of(
            new Share(
                before.map(Share::id).orElse(0L),
                user.id(),
                server.id(),
                result.username() != null ? result.username() : account,
                result.accountId() != null
                    ? result.accountId()
                    : before.map(Share::accountId).orElse(null),
                result.shareId() != null
                    ? result.shareId()
                    : before.map(Share::providerShareId).orElse(null),
                now,
                result.pending() ? null : now,
                result.pending(),
                null,
                false,
                Set.copyOf(ids))));
    audit.record("user", user.id(), "shared", server.label() + " as " + account);
    Instant expires =
        Access.expiry(payments.forUser(user.id()).stream().map(Payment::period).toList())
            .orElse(now);
    welcome.welcome(user, server, plan, result, expires);
  }

  /** The outbox handler: tries a queued share again. */
  private OutboxHandler retry() {
    return new OutboxHandler() {
      @Override
      public String kind() {
        return OUTBOX_KIND;
      }

      @Override
      public void handle(String payload) {
        Map<String, String> p = Payload.decode(payload);
        User user = users.byId(Long.parseLong(p.get("user"))).orElseThrow();
        Server server = servers.byId(Long.parseLong(p.get("server"))).orElseThrow();
        Plan plan = plans.byId(Long.parseLong(p.get("plan"))).orElseThrow();
        String account = p.get("account");
        List<String> granted = grantedLibraries(server, plan);
        ShareRequest request =
            new ShareRequest(
                user.email(),
                account,
                null,
                granted,
                plan.spec().downloads(),
                plan.spec().transcode(),
                plan.spec().maxStreams());
        // A Jellyfin/Emby account kept from before (expiry disables it) is enabled again rather
        // than doubled, as for a manual invite.
        Optional<Share> removedBefore = removedShare(Optional.of(user), server);
        ShareResult result;
        try {
          var remote = media.connect(server.connection());
          result =
              removedBefore.isPresent()
                  ? remote.restore(removedBefore.get().onServer(user.email()), request)
                  : remote.share(request);
        } catch (MediaServerException e) {
          if (e.kind() != MediaServerException.Kind.ALREADY_SHARED) {
            throw e;
          }
          result = new ShareResult(null, account, null, false, null);
        }
        record(
            user,
            server,
            plan,
            result,
            account,
            granted,
            clock.instant().truncatedTo(ChronoUnit.SECONDS));
      }
    };
  }

  private Server server(InviteRequest r, Plan plan, Optional<User> known) {
    return server(r, plan, known, servers.all());
  }

  /** As {@link #server(InviteRequest, Plan, Optional)}, choosing among {@code all} only. */
  private Server server(InviteRequest r, Plan plan, Optional<User> known, List<Server> all) {
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
                        !grantedIds(s, plan).isEmpty()))
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
      alert.alert(full.getMessage() + " (inviting " + r.email() + ")");
      throw full;
    }
    return all.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
  }

  /** A Jellyfin/Emby account this user had on the server and lost: it is enabled again. */
  private Optional<Share> removedShare(Optional<User> known, Server server) {
    if (known.isEmpty() || server.kind() == ServerKind.PLEX) {
      return Optional.empty();
    }
    return shares.forUser(known.get().id()).stream()
        .filter(s -> s.serverId() == server.id() && !s.active() && s.accountId() != null)
        .findFirst();
  }

  private List<String> grantedLibraries(Server server, Plan plan) {
    List<String> granted = grantedIds(server, plan);
    if (granted.isEmpty()) {
      throw new UsherException(
          "Plan "
              + plan.name()
              + " grants no library on "
              + server.label()
              + ": put a library of that server in "
              + String.join(" or ", plan.spec().groups())
              + " first.");
    }
    return granted;
  }

  private List<String> grantedIds(Server server, Plan plan) {
    Set<String> groups = new HashSet<>();
    plan.spec().groups().forEach(g -> groups.add(g.toLowerCase(Locale.ROOT)));
    return libraries.forServer(server.id()).stream()
        .filter(l -> groups.contains(l.group().toLowerCase(Locale.ROOT)))
        .map(Library::providerId)
        .toList();
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
    String base = email.substring(0, email.indexOf('@')).replaceAll("[^A-Za-z0-9._-]", "");
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

package io.usher.application.migrations;

import io.usher.application.invites.InviteService;
import io.usher.application.invites.OwnerAlert;
import io.usher.application.outbox.OutboxService;
import io.usher.application.payments.CurrentPlan;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.ServerKind;
import io.usher.domain.migrations.Migration;
import io.usher.domain.migrations.MigrationStore;
import io.usher.domain.migrations.Move;
import io.usher.domain.outbox.OutboxHandler;
import io.usher.domain.outbox.Payload;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.servers.Library;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerStore;
import io.usher.domain.servers.Share;
import io.usher.domain.servers.ShareStore;
import io.usher.domain.users.User;
import io.usher.domain.users.UserStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Moving users from one server to another (Plex ↔ Jellyfin/Emby too), from {@code usher migrate}
 * and a server's "Move users…": a preview that says per user what will happen or why they cannot
 * move, then the move itself through the outbox, one user at a time.
 *
 * <p>Each user's move is two outbox steps with a commit between them. The first shares them on the
 * target (with the target's welcome: a Plex invite, or a Jellyfin/Emby account and its password)
 * and records it; the second takes the source share away and records that. A crash at any point
 * leaves the user on the source, on both, or moved — never on neither — and the step in the ledger
 * says which, so a restart goes on from there. A target that refuses or fails leaves the user on
 * the source, not moved, with the reason. Payments are never touched.
 */
public final class MigrationService {
  /** The outbox kind of one user's next step in a move. */
  public static final String KIND = "migrate";

  private final Transactions tx;
  private final MigrationStore store;
  private final UserStore users;
  private final ServerStore servers;
  private final ShareStore shares;
  private final PlanStore planStore;
  private final CurrentPlan plans;
  private final InviteService invites;
  private final MediaServers media;
  private final OutboxService outbox;
  private final AuditLog audit;
  private final OwnerAlert owner;
  private final Clock clock;

  public MigrationService(
      Transactions tx,
      MigrationStore store,
      UserStore users,
      ServerStore servers,
      ShareStore shares,
      PlanStore planStore,
      CurrentPlan plans,
      InviteService invites,
      MediaServers media,
      OutboxService outbox,
      AuditLog audit,
      OwnerAlert owner,
      Clock clock) {
    this.tx = tx;
    this.store = store;
    this.users = users;
    this.servers = servers;
    this.shares = shares;
    this.planStore = planStore;
    this.plans = plans;
    this.invites = invites;
    this.media = media;
    this.outbox = outbox;
    this.audit = audit;
    this.owner = owner;
    this.clock = clock;
  }

  /**
   * What moving would do, per user: {@link Move.State#WAITING} with what will happen, or {@link
   * Move.State#NOT_MOVED} with why not. Nothing changes.
   *
   * @param userIds the users to move; empty for everyone on the source
   */
  public List<Move> preview(String from, String to, List<Long> userIds) {
    Pair pair = pair(from, to);
    return plan(pair, userIds);
  }

  /**
   * Starts moving: records the move and queues each user who can move; those who cannot are in the
   * report at once with the reason. The outbox does the rest (in the window and {@code serve}
   * continuously; {@code usher migrate} drains it itself).
   */
  public Migration start(String from, String to, List<Long> userIds) {
    Pair pair = pair(from, to);
    long id =
        tx.inTransaction(
            () -> {
              List<Move> moves = plan(pair, userIds);
              if (moves.isEmpty()) {
                throw ValidationException.of(
                    "users", "No one is on " + pair.from.label() + ": there is no one to move.");
              }
              long created =
                  store.create(
                      pair.from.name(),
                      pair.to.name(),
                      pair.from.id(),
                      pair.to.id(),
                      clock.instant(),
                      moves);
              for (Move m : moves) {
                if (m.state() == Move.State.WAITING) {
                  outbox.enqueue(KIND, payload(created, m.userId()));
                }
              }
              finishIfSettled(created);
              return created;
            });
    return store.byId(id).orElseThrow();
  }

  public Optional<Migration> byId(long id) {
    return store.byId(id);
  }

  /** The last moves, newest first, for the window's report. */
  public List<Migration> recent() {
    return store.recent(10);
  }

  /**
   * Stops a move: users not yet started stay on the source (cancelled); a user already shared on
   * the target finishes moving, since undoing it would mean a second change on both servers.
   */
  public void cancel(long id) {
    tx.run(() -> store.cancel(id, clock.instant()));
  }

  /** The outbox handler that takes one user's next step. */
  public OutboxHandler handler() {
    return OutboxHandler.of(
        KIND,
        payload -> {
          Map<String, String> p = Payload.decode(payload);
          step(Long.parseLong(p.get("migration")), Long.parseLong(p.get("user")));
        });
  }

  private static String payload(long migration, long user) {
    return Payload.encode(
        Map.of("migration", Long.toString(migration), "user", Long.toString(user)));
  }

  private void step(long migrationId, long userId) {
    Optional<Migration> found = store.byId(migrationId);
    if (found.isEmpty()) {
      return;
    }
    Migration m = found.get();
    Optional<Move> part = m.moves().stream().filter(x -> x.userId() == userId).findFirst();
    if (part.isEmpty() || part.get().state().settled()) {
      return;
    }
    Move move = part.get();
    Optional<Server> from = Optional.ofNullable(m.fromId()).flatMap(servers::byId);
    Optional<Server> to = Optional.ofNullable(m.toId()).flatMap(servers::byId);
    Optional<User> user = users.byId(userId);
    if (move.state() == Move.State.WAITING) {
      if (m.cancelled() != null) {
        store.update(
            move.as(Move.State.CANCELLED, "cancelled before it started; stays where it was"));
      } else if (from.isEmpty() || to.isEmpty() || user.isEmpty()) {
        store.update(
            move.as(
                Move.State.NOT_MOVED,
                user.isEmpty()
                    ? "was deleted before the move reached them"
                    : "a server of this move was unlinked before the move reached them"));
      } else {
        shareOnTarget(move, new Pair(from.get(), to.get()), user.get());
      }
    } else {
      leaveSource(move, from, to.map(Server::name).orElse(m.to()), user);
    }
    finishIfSettled(migrationId);
  }

  /** The first step: the share on the target, recorded with its welcome, then the next step. */
  private void shareOnTarget(Move move, Pair pair, User user) {
    Move checked = check(pair, user, new Room(pair.to));
    if (checked.state() == Move.State.NOT_MOVED) {
      store.update(move.as(Move.State.NOT_MOVED, checked.detail()));
      return;
    }
    Plan plan = planOf(user).orElseThrow();
    String account = account(pair, user);
    try {
      invites.shareOn(user, pair.to, plan, account);
    } catch (UsherException e) {
      store.update(
          move.as(
              Move.State.NOT_MOVED,
              pair.to.name()
                  + " refused: "
                  + e.getMessage()
                  + " Still on "
                  + pair.from.name()
                  + "."));
      return;
    }
    store.update(move.as(Move.State.ON_TARGET, "shared on " + pair.to.name() + " as " + account));
    outbox.enqueue(KIND, payload(move.migrationId(), move.userId()));
  }

  /**
   * The second step: the source share goes. A source that cannot be reached (a banned or dead
   * server, often the reason for the move) keeps the share recorded there and says so: the user is
   * moved, and Remove access takes it away later.
   */
  private void leaveSource(Move move, Optional<Server> from, String to, Optional<User> user) {
    String onTarget = move.detail();
    Optional<Share> share =
        from.flatMap(
            s ->
                user.flatMap(
                    u ->
                        shares.forUser(u.id()).stream()
                            .filter(x -> x.serverId() == s.id() && x.active())
                            .findFirst()));
    if (share.isEmpty()) {
      store.update(move.as(Move.State.MOVED, onTarget));
      return;
    }
    Server source = from.get();
    User u = user.get();
    try {
      media.connect(source.connection()).remove(share.get().onServer(u.email()));
    } catch (MediaServerException e) {
      if (e.kind() != MediaServerException.Kind.NOT_FOUND) {
        store.update(
            move.as(
                Move.State.MOVED,
                onTarget
                    + "; still shared on "
                    + source.name()
                    + " ("
                    + e.getMessage()
                    + "): use Remove access there when it answers"));
        return;
      }
    }
    shares.save(List.of(share.get().removed(clock.instant().truncatedTo(ChronoUnit.SECONDS))));
    audit.record("user", u.id(), "moved", source.name() + " → " + to + ": " + onTarget);
    store.update(move.as(Move.State.MOVED, onTarget + "; left " + source.name()));
  }

  private void finishIfSettled(long migrationId) {
    Migration m = store.byId(migrationId).orElseThrow();
    if (m.done() || m.settled() < m.moves().size()) {
      return;
    }
    store.finish(migrationId, clock.instant());
    owner.alert(report(m));
  }

  /** The owner's mail: the counts, then one line per user. */
  static String report(Migration m) {
    StringBuilder text =
        new StringBuilder("Moving users from ")
            .append(m.from())
            .append(" to ")
            .append(m.to())
            .append(" finished: ")
            .append(m.count(Move.State.MOVED))
            .append(" moved, ")
            .append(m.count(Move.State.NOT_MOVED))
            .append(" not moved");
    if (m.count(Move.State.CANCELLED) > 0) {
      text.append(", ").append(m.count(Move.State.CANCELLED)).append(" cancelled");
    }
    text.append('.');
    for (Move move : m.moves()) {
      text.append("\n- ").append(move.who()).append(": ");
      text.append(move.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
          .append(", ")
          .append(move.detail());
    }
    return text.toString();
  }

  /** Each chosen user with what would happen, the target's room counted down as users fill it. */
  private List<Move> plan(Pair pair, List<Long> userIds) {
    Set<Long> onSource = new LinkedHashSet<>();
    shares.forServer(pair.from.id()).stream()
        .filter(Share::active)
        .forEach(s -> onSource.add(s.userId()));
    List<Long> chosen = userIds.isEmpty() ? List.copyOf(onSource) : userIds;
    Set<Long> moving = new LinkedHashSet<>();
    store.recent(20).stream()
        .filter(m -> !m.done())
        .flatMap(m -> m.moves().stream())
        .filter(m -> !m.state().settled())
        .forEach(m -> moving.add(m.userId()));
    Room room = new Room(pair.to);
    List<Move> out = new ArrayList<>();
    for (long id : new LinkedHashSet<>(chosen)) {
      Optional<User> user = users.byId(id);
      if (user.isEmpty()) {
        continue;
      }
      User u = user.get();
      Move move =
          !onSource.contains(id)
              ? refused(u, "is not on " + pair.from.name() + ", so there is nothing to move")
              : moving.contains(id)
                  ? refused(u, "is in a move that has not finished yet")
                  : check(pair, u, room);
      if (move.state() == Move.State.WAITING) {
        room.take();
      }
      out.add(move);
    }
    out.sort(java.util.Comparator.comparing(Move::who, String.CASE_INSENSITIVE_ORDER));
    return out;
  }

  /** Whether the user can move now, and what the move will make on the target. */
  private Move check(Pair pair, User user, Room room) {
    boolean there =
        shares.forUser(user.id()).stream()
            .anyMatch(s -> s.serverId() == pair.to.id() && s.active());
    if (there) {
      return refused(user, "is on " + pair.to.name() + " already");
    }
    if (user.email() == null) {
      return refused(
          user,
          pair.to.kind() == ServerKind.PLEX
              ? "has no email, so no Plex account to invite: set the email of their Plex account"
                  + " first"
              : "has no email, so the new account's password could not reach them: set their"
                  + " email first");
    }
    Optional<Plan> plan = planOf(user);
    if (plan.isEmpty()) {
      return refused(user, "has no plan to choose libraries by, and there is no default plan");
    }
    List<Library> granted = invites.grantedOn(pair.to, plan.get());
    if (granted.isEmpty()) {
      return refused(
          user,
          "plan "
              + plan.get().name()
              + " grants no library on "
              + pair.to.name()
              + ": put a library there in "
              + String.join(" or ", plan.get().spec().groups()));
    }
    if (room.full()) {
      return refused(
          user, pair.to.name() + " is full (" + room.capacity + " users): raise its capacity");
    }
    String account = account(pair, user);
    String sees = "sees " + granted.stream().map(Library::title).collect(Collectors.joining(", "));
    String made =
        pair.to.kind() == ServerKind.PLEX
            ? "invited to Plex on " + pair.to.name() + " as " + account
            : kept(user, pair.to)
                ? "their "
                    + pair.to.kind().label()
                    + " account "
                    + account
                    + " on "
                    + pair.to.name()
                    + " enabled again"
                : "new "
                    + pair.to.kind().label()
                    + " account "
                    + account
                    + " on "
                    + pair.to.name()
                    + ", password by mail";
    return new Move(0, user.id(), who(user), Move.State.WAITING, made + "; " + sees);
  }

  private boolean kept(User user, Server server) {
    return shares.forUser(user.id()).stream()
        .anyMatch(s -> s.serverId() == server.id() && !s.active() && s.accountId() != null);
  }

  /** A Jellyfin/Emby name on the source is kept on a Jellyfin/Emby target where it is free. */
  private String account(Pair pair, User user) {
    String wanted =
        pair.from.kind() == ServerKind.PLEX
            ? null
            : shares.forUser(user.id()).stream()
                .filter(s -> s.serverId() == pair.from.id() && s.active())
                .map(Share::account)
                .findFirst()
                .orElse(null);
    return invites.accountFor(user, pair.to, wanted);
  }

  private Optional<Plan> planOf(User user) {
    return plans.of(user).or(planStore::defaultPlan);
  }

  private static Move refused(User user, String why) {
    return new Move(0, user.id(), who(user), Move.State.NOT_MOVED, why);
  }

  private static String who(User user) {
    String who = user.who();
    return who.length() > 320 ? who.substring(0, 320) : who;
  }

  private Pair pair(String from, String to) {
    Server source = server("from", from);
    Server target = server("to", to);
    if (source.id() == target.id()) {
      throw ValidationException.of(
          "to", "Choose another server to move to than the one moved from.");
    }
    if (!target.settings().enabled()) {
      throw ValidationException.of(
          "to", target.label() + " is disabled: enable it before moving users there.");
    }
    return new Pair(source, target);
  }

  private Server server(String field, String name) {
    return servers
        .byName(name == null ? "" : name.strip())
        .orElseThrow(
            () -> ValidationException.of(field, "There is no server named '" + name + "'."));
  }

  private record Pair(Server from, Server to) {}

  /** How many more users the target takes. */
  private final class Room {
    final Integer capacity;
    int users;

    Room(Server target) {
      this.capacity = target.settings().capacity();
      this.users = servers.userCounts().getOrDefault(target.id(), 0);
    }

    boolean full() {
      return capacity != null && users >= capacity;
    }

    void take() {
      users++;
    }
  }
}

package io.usher.application.seerr;

import io.usher.application.jobs.Job;
import io.usher.application.jobs.JobResult;
import io.usher.application.outbox.OutboxService;
import io.usher.domain.common.Transactions;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.media.ServerKind;
import io.usher.domain.outbox.OutboxHandler;
import io.usher.domain.outbox.OutboxItem;
import io.usher.domain.outbox.Payload;
import io.usher.domain.seerr.Seerr;
import io.usher.domain.seerr.SeerrAccount;
import io.usher.domain.seerr.SeerrAccountStore;
import io.usher.domain.seerr.SeerrException;
import io.usher.domain.seerr.SeerrUser;
import io.usher.domain.servers.ServerStore;
import io.usher.domain.servers.Share;
import io.usher.domain.servers.ShareStore;
import io.usher.domain.users.User;
import io.usher.domain.users.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seerr accounts follow access: a user with an accepted share gets a Seerr account, imported from
 * the media server they were shared on, and loses it once their last share is gone (which, for an
 * expired user, is after the grace days). The job compares the ledger with what was made and
 * records each difference in the outbox; the outbox makes the call, retries it until Seerr answers,
 * and checks the user again first, so an item that waited while the user renewed does nothing.
 */
public final class SeerrAccounts implements Job {
  public static final String NAME = "seerr";
  public static final String IMPORT = "seerr.import";
  public static final String REMOVE = "seerr.remove";

  private final Seerr seerr;
  private final SeerrAccountStore accounts;
  private final ServerStore servers;
  private final ShareStore shares;
  private final UserStore users;
  private final OutboxService outbox;
  private final Transactions tx;
  private final AuditLog audit;
  private final Clock clock;

  public SeerrAccounts(
      Seerr seerr,
      SeerrAccountStore accounts,
      ServerStore servers,
      ShareStore shares,
      UserStore users,
      OutboxService outbox,
      Transactions tx,
      AuditLog audit,
      Clock clock) {
    this.seerr = seerr;
    this.accounts = accounts;
    this.servers = servers;
    this.shares = shares;
    this.users = users;
    this.outbox = outbox;
    this.tx = tx;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Gives users with access a Seerr account and removes it once their access is gone";
  }

  @Override
  public Duration every() {
    return Duration.ofMinutes(10);
  }

  @Override
  public JobResult run(boolean dryRun) {
    if (!seerr.configured()) {
      return JobResult.of("Seerr is not set up (seerr.url and seerr.api-key): nothing to do.");
    }
    Access access = access();
    Map<Long, SeerrAccount> made = accounts.all();
    Set<String> queued = new HashSet<>();
    for (OutboxItem item : outbox.pending()) {
      if (item.kind().equals(IMPORT) || item.kind().equals(REMOVE)) {
        queued.add(item.kind() + " " + Payload.decode(item.payload()).get("user"));
      }
    }
    Set<Long> toImport = new TreeSet<>(access.importable().keySet());
    toImport.removeAll(made.keySet());
    toImport.removeIf(id -> queued.contains(IMPORT + " " + id));
    Set<Long> toRemove = new TreeSet<>(made.keySet());
    toRemove.removeAll(access.withAccess());
    toRemove.removeIf(id -> queued.contains(REMOVE + " " + id));
    List<String> details = new ArrayList<>();
    int found =
        dryRun || toImport.isEmpty() ? 0 : adoptExisting(toImport, access.emails(), details);
    toImport.forEach(id -> details.add("add " + access.emails().getOrDefault(id, "user " + id)));
    toRemove.forEach(id -> details.add("remove " + made.get(id).email()));
    if (!dryRun && !(toImport.isEmpty() && toRemove.isEmpty())) {
      tx.run(
          () -> {
            toImport.forEach(id -> outbox.enqueue(IMPORT, payload(id)));
            toRemove.forEach(id -> outbox.enqueue(REMOVE, payload(id)));
          });
    }
    String verb = dryRun ? "would queue" : "queued";
    String foundNote = found == 0 ? "" : found + " found in Seerr already";
    return new JobResult(
        toImport.isEmpty() && toRemove.isEmpty()
            ? (found == 0
                ? "Seerr accounts are in step with access."
                : "Seerr: " + foundNote + "; in step with access.")
            : "Seerr: "
                + (found == 0 ? "" : foundNote + "; ")
                + verb
                + " "
                + toImport.size()
                + " to add and "
                + toRemove.size()
                + " to remove.",
        details);
  }

  /** Whether Seerr answers with the address and key set, in a sentence (or it throws). */
  public String test() {
    return seerr.test();
  }

  /**
   * Takes the accounts Seerr already has for users about to be imported (Seerr imports its media
   * server's users by itself too), matched by email, instead of asking Seerr about each of them in
   * turn; those are taken off {@code toImport}. An administrator's account is never taken.
   */
  private int adoptExisting(Set<Long> toImport, Map<Long, String> emails, List<String> details) {
    List<SeerrUser> existing;
    try {
      existing = seerr.users();
    } catch (SeerrException e) {
      details.add(
          "could not read Seerr's users, so each is asked about in turn: " + e.getMessage());
      return 0;
    }
    Map<String, SeerrUser> byEmail = new HashMap<>();
    for (SeerrUser u : existing) {
      if (u.email() != null && !u.admin()) {
        byEmail.putIfAbsent(u.email().strip().toLowerCase(java.util.Locale.ROOT), u);
      }
    }
    Map<Long, SeerrUser> found = new HashMap<>();
    for (long id : toImport) {
      String email = emails.get(id);
      SeerrUser u = email == null ? null : byEmail.get(email.toLowerCase(java.util.Locale.ROOT));
      if (u != null) {
        found.put(id, u);
      }
    }
    if (found.isEmpty()) {
      return 0;
    }
    tx.run(
        () ->
            found.forEach(
                (id, u) -> {
                  accounts.save(new SeerrAccount(id, u.id(), emails.get(id), clock.instant()));
                  audit.record("user", id, "seerr account", "found in Seerr (#" + u.id() + ")");
                }));
    found.forEach(
        (id, u) -> details.add("found " + emails.get(id) + " in Seerr (#" + u.id() + ")"));
    toImport.removeAll(found.keySet());
    return found.size();
  }

  /** The outbox's handler that makes a user's Seerr account. */
  public OutboxHandler importHandler() {
    return OutboxHandler.of(IMPORT, payload -> importAccount(user(payload)));
  }

  /** The outbox's handler that removes a user's Seerr account. */
  public OutboxHandler removeHandler() {
    return OutboxHandler.of(REMOVE, payload -> removeAccount(user(payload)));
  }

  /**
   * Who has access: users with an accepted share on a server Seerr can import from (with the share
   * to import by), every user with a share at all (a pending invite keeps an account), and their
   * emails.
   */
  private record Access(
      Map<Long, Importable> importable, Set<Long> withAccess, Map<Long, String> emails) {}

  private record Importable(ServerKind kind, String accountId, String account) {}

  private Access access() {
    Map<Long, ServerKind> kinds = kinds();
    Map<Long, List<Share>> byUser = new HashMap<>();
    for (long serverId : kinds.keySet()) {
      for (Share share : shares.forServer(serverId)) {
        if (share.active()) {
          byUser.computeIfAbsent(share.userId(), k -> new ArrayList<>()).add(share);
        }
      }
    }
    Map<Long, Importable> importable = new HashMap<>();
    byUser.forEach((user, active) -> pick(active, kinds).ifPresent(i -> importable.put(user, i)));
    Map<Long, String> emails = new HashMap<>();
    users.idsByEmail().forEach((email, id) -> emails.put(id, email));
    return new Access(importable, byUser.keySet(), emails);
  }

  private Map<Long, ServerKind> kinds() {
    Map<Long, ServerKind> kinds = new HashMap<>();
    servers.all().forEach(s -> kinds.put(s.id(), s.kind()));
    return kinds;
  }

  /**
   * The share to import a user by: an accepted one with the server's id of their account, on Plex
   * first (an owner with both kinds has one Seerr, and most run it on Plex).
   */
  private static Optional<Importable> pick(List<Share> active, Map<Long, ServerKind> kinds) {
    return active.stream()
        .filter(Share::active)
        .filter(s -> !s.pending() && s.accountId() != null && !s.accountId().isBlank())
        .filter(s -> kinds.containsKey(s.serverId()))
        .min(Comparator.comparing(s -> kinds.get(s.serverId()) == ServerKind.PLEX ? 0 : 1))
        .map(s -> new Importable(kinds.get(s.serverId()), s.accountId(), s.account()));
  }

  private void importAccount(long userId) {
    if (!seerr.configured() || accounts.of(userId).isPresent()) {
      return;
    }
    Optional<User> user = users.byId(userId);
    Optional<Importable> from = user.flatMap(u -> importable(userId));
    if (from.isEmpty()) {
      // Access ended, or the invite is not accepted yet: the job queues it again when it is.
      return;
    }
    Importable share = from.get();
    String email = user.get().email();
    List<SeerrUser> made =
        share.kind() == ServerKind.PLEX
            ? seerr.importFromPlex(List.of(share.accountId()))
            : seerr.importFromJellyfin(List.of(share.accountId()));
    SeerrUser account =
        made.stream()
            .findFirst()
            .or(() -> seerr.find(email, share.account()))
            .orElseThrow(
                () ->
                    new SeerrException(
                        "Seerr made no account for "
                            + email
                            + ": it imports only the users of the media server it is set up"
                            + " with, so check that Seerr uses the server "
                            + email
                            + " was shared on.",
                        true));
    if (account.admin()) {
      throw new SeerrException(
          "Seerr's account for "
              + email
              + " is an administrator's: Usher leaves it alone. Give "
              + email
              + " their own account in Seerr by hand.",
          false);
    }
    tx.run(
        () -> {
          accounts.save(new SeerrAccount(userId, account.id(), email, clock.instant()));
          audit.record("user", userId, "seerr account", "made in Seerr (#" + account.id() + ")");
        });
  }

  private void removeAccount(long userId) {
    if (!seerr.configured()) {
      return;
    }
    Optional<SeerrAccount> made = accounts.of(userId);
    if (made.isEmpty() || hasAccess(userId)) {
      return;
    }
    boolean existed = seerr.delete(made.get().seerrId());
    boolean known = users.byId(userId).isPresent();
    tx.run(
        () -> {
          accounts.forget(userId);
          if (known) {
            audit.record(
                "user",
                userId,
                "seerr account",
                existed ? "removed from Seerr" : "already gone from Seerr");
          }
        });
  }

  private Optional<Importable> importable(long userId) {
    return pick(shares.forUser(userId), kinds());
  }

  private boolean hasAccess(long userId) {
    return users.byId(userId).isPresent()
        && shares.forUser(userId).stream().anyMatch(Share::active);
  }

  private static String payload(long userId) {
    return Payload.encode(Map.of("user", Long.toString(userId)));
  }

  private static long user(String payload) {
    return Long.parseLong(Payload.decode(payload).get("user"));
  }
}

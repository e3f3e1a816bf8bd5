package io.usher.application.accounts;

import io.usher.application.invites.InviteService;
import io.usher.application.users.UserLookup;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.NotFoundException;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.media.MediaServer;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.ServerKind;
import io.usher.domain.media.ShareRequest;
import io.usher.domain.media.ShareResult;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Moving a user to another Plex account (seed 004): the new email is invited first — Plex refusing
 * it means it is not a Plex account, and nothing changes — then the old share is removed and the
 * user, with all their payments, carries on under the new email. A user on no Plex server is
 * invited on the Plex server that fits their plan, as an invite would choose it; one with no paid
 * time is only renamed, and told so.
 */
public final class AccountChangeService {
  private final Transactions tx;
  private final UserStore users;
  private final ServerStore servers;
  private final LibraryStore libraries;
  private final ShareStore shares;
  private final MediaServers media;
  private final InviteService invites;
  private final AuditLog audit;
  private final Clock clock;

  public AccountChangeService(
      Transactions tx,
      UserStore users,
      ServerStore servers,
      LibraryStore libraries,
      ShareStore shares,
      MediaServers media,
      InviteService invites,
      AuditLog audit,
      Clock clock) {
    this.invites = invites;
    this.tx = tx;
    this.users = users;
    this.servers = servers;
    this.libraries = libraries;
    this.shares = shares;
    this.media = media;
    this.audit = audit;
    this.clock = clock;
  }

  /** Tags users (one or many) as having to move to another Plex account. */
  public int requireChange(List<Long> userIds, boolean required) {
    return tx.inTransaction(
        () -> {
          int changed = 0;
          for (long id : userIds) {
            User u =
                users
                    .byId(id)
                    .orElseThrow(() -> new NotFoundException("That user no longer exists."));
            UserSpec s = u.spec();
            if (s.mustChangeAccount() != required) {
              users.update(
                  new User(
                      id,
                      new UserSpec(
                          s.email(),
                          s.name(),
                          s.permanent(),
                          required,
                          s.paypalEmail(),
                          s.discordId(),
                          s.discordName(),
                          s.notes())));
              audit.record(
                  "user", id, "edited", "must change account: " + !required + " → " + required);
              changed++;
            }
          }
          return changed;
        });
  }

  /**
   * What a change did.
   *
   * @param sentence what happened, for the owner
   * @param leftovers one sentence per old share that could not be removed (the owner removes it)
   */
  public record Moved(String sentence, List<String> leftovers) {}

  /**
   * @param current the user: their email, {@code #ID} or name ({@link UserLookup})
   * @param newEmail the new Plex account's email
   */
  public Moved change(String current, String newEmail) {
    User user = new UserLookup(users).find(current);
    String from = user.who();
    String to = Emails.normalize("newEmail", newEmail);
    if (to.equals(user.email())) {
      throw new ConflictException("That is already the user's email.");
    }
    users
        .byEmail(to)
        .ifPresent(
            other -> {
              throw new ConflictException("Another user already has the email " + to + ".");
            });
    Map<Long, Server> byId = servers.all().stream().collect(Collectors.toMap(Server::id, s -> s));
    List<Share> plex =
        shares.forUser(user.id()).stream()
            .filter(Share::active)
            .filter(s -> byId.get(s.serverId()).kind() == ServerKind.PLEX)
            .sorted(java.util.Comparator.comparingLong(Share::serverId))
            .toList();
    if (plex.isEmpty()) {
      return inviteElsewhere(user, from, to);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    // Every server invites the new account before any old share is removed, so a refusal on one
    // server takes back the invites already made and leaves the user as they were.
    List<Share> moved = new ArrayList<>();
    List<MediaServer> remotes = new ArrayList<>();
    for (Share old : plex) {
      Server server = byId.get(old.serverId());
      MediaServer remote = media.connect(server.connection());
      List<String> granted =
          libraries.forServer(server.id()).stream()
              .filter(l -> old.libraryIds().contains(l.id()))
              .map(Library::providerId)
              .toList();
      ShareResult result;
      try {
        result = remote.share(new ShareRequest(to, to, null, granted, false, true, 1));
      } catch (MediaServerException e) {
        String undone = takeBack(moved, remotes, byId, to);
        if (e.kind() == MediaServerException.Kind.INVALID_ACCOUNT) {
          throw new UsherException(
              "Plex does not know "
                  + to
                  + " as an account: ask the user for the email of their new Plex account."
                  + undone,
              e);
        }
        if (undone.isEmpty()) {
          throw e;
        }
        throw new UsherException(e.getMessage() + undone, e);
      }
      remotes.add(remote);
      moved.add(
          new Share(
              old.id(),
              user.id(),
              server.id(),
              result.username() != null ? result.username() : to,
              result.accountId(),
              result.shareId(),
              now,
              null,
              true,
              null,
              old.allLibraries(),
              old.libraryIds()));
    }
    List<String> leftovers = new ArrayList<>();
    for (int i = 0; i < plex.size(); i++) {
      Share old = plex.get(i);
      try {
        remotes.get(i).remove(old.onServer(user.email()));
      } catch (MediaServerException e) {
        leftovers.add(
            byId.get(old.serverId()).label()
                + " still shares with "
                + old.account()
                + ": "
                + e.getMessage());
      }
    }
    tx.run(
        () -> {
          rename(user, to);
          shares.save(moved);
          audit.record(
              "user",
              user.id(),
              "account changed",
              from + " → " + to + " on " + moved.size() + " Plex server(s)");
        });
    String where =
        plex.stream().map(sh -> byId.get(sh.serverId()).label()).collect(Collectors.joining(", "));
    return new Moved(
        "Moved "
            + from
            + " to "
            + to
            + ": "
            + to
            + " is invited on "
            + where
            + (leftovers.isEmpty() ? " and the old account's share is removed." : "."),
        leftovers);
  }

  /** The user is on no Plex server: the new account is invited where their plan fits, if paid. */
  private Moved inviteElsewhere(User user, String from, String to) {
    Optional<InviteService.PlexInvite> invited;
    try {
      invited = invites.invitePlexAccount(user, to);
    } catch (MediaServerException e) {
      if (e.kind() == MediaServerException.Kind.INVALID_ACCOUNT) {
        throw new UsherException(
            "Plex does not know "
                + to
                + " as an account: ask the user for the email of their new Plex account.",
            e);
      }
      throw e;
    }
    try {
      tx.run(
          () -> {
            User renamed = rename(user, to);
            invited.ifPresent(i -> invites.recordPlexInvite(renamed, i));
            audit.record(
                "user",
                user.id(),
                "account changed",
                from
                    + " → "
                    + to
                    + invited.map(i -> ", invited on " + i.server().label()).orElse(", no invite"));
          });
    } catch (RuntimeException failed) {
      invited.ifPresent(i -> invites.withdrawPlexInvite(i, failed));
      throw failed;
    }
    return new Moved(
        invited
            .map(
                i ->
                    "Moved "
                        + from
                        + " to "
                        + to
                        + ": it had no Plex share, so "
                        + to
                        + " is invited on "
                        + i.server().label()
                        + " for plan "
                        + i.plan().name()
                        + ".")
            .orElse(
                "Moved "
                    + from
                    + " to "
                    + to
                    + ". No invite was sent: the user has no paid time now, so the new account is"
                    + " invited when they pay."),
        List.of());
  }

  private User rename(User user, String to) {
    UserSpec s = user.spec();
    User renamed =
        new User(
            user.id(),
            new UserSpec(
                to,
                s.name(),
                s.permanent(),
                false,
                s.paypalEmail(),
                s.discordId(),
                s.discordName(),
                s.notes()));
    users.update(renamed);
    return renamed;
  }

  /**
   * Removes the invites of the new account made so far; empty when all went, else the sentence
   * naming what the owner must remove by hand.
   */
  private static String takeBack(
      List<Share> made, List<MediaServer> remotes, Map<Long, Server> byId, String to) {
    List<String> stuck = new ArrayList<>();
    for (int i = 0; i < made.size(); i++) {
      try {
        remotes.get(i).remove(made.get(i).onServer(to));
      } catch (MediaServerException e) {
        stuck.add(byId.get(made.get(i).serverId()).label());
      }
    }
    return stuck.isEmpty()
        ? ""
        : " The invite of "
            + to
            + " on "
            + String.join(", ", stuck)
            + " could not be taken back:"
            + " remove it there by hand.";
  }
}

package io.usher.application.invites;

import io.usher.domain.common.UsherException;
import io.usher.domain.ledger.Access;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.media.MediaServer;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.ServerKind;
import io.usher.domain.media.ShareRequest;
import io.usher.domain.media.ShareResult;
import io.usher.domain.plans.Plan;
import io.usher.domain.servers.Library;
import io.usher.domain.servers.LibraryStore;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.Share;
import io.usher.domain.servers.ShareStore;
import io.usher.domain.users.User;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sharing a plan on one server, the step an invite, its retry from the outbox and a Plex account
 * change all take: which libraries the plan grants there, the server call (a Jellyfin/Emby account
 * the user had is enabled again rather than doubled; "already shared" is a share), and recording
 * what the server made with the welcome that follows.
 */
final class ServerShares {
  private final MediaServers media;
  private final LibraryStore libraries;
  private final ShareStore shares;
  private final PaymentStore payments;
  private final AuditLog audit;
  private final Welcome welcome;

  ServerShares(
      MediaServers media,
      LibraryStore libraries,
      ShareStore shares,
      PaymentStore payments,
      AuditLog audit,
      Welcome welcome) {
    this.media = media;
    this.libraries = libraries;
    this.shares = shares;
    this.payments = payments;
    this.audit = audit;
    this.welcome = welcome;
  }

  MediaServer connect(Server server) {
    return media.connect(server.connection());
  }

  /**
   * What the server did.
   *
   * @param created a new account or share was made, which taking the invite back must remove; false
   *     for an account enabled again or one the server had shared already
   */
  record Made(ShareResult result, boolean created) {}

  /**
   * Shares {@code request} on the server, or enables {@code removedBefore} again; a server that
   * says the account is shared already counts as shared.
   *
   * @throws MediaServerException any other refusal or failure
   */
  Made shareOrRestore(
      MediaServer remote, ShareRequest request, Optional<Share> removedBefore, String email) {
    try {
      return removedBefore.isPresent()
          ? new Made(remote.restore(removedBefore.get().onServer(email), request), false)
          : new Made(remote.share(request), true);
    } catch (MediaServerException e) {
      if (e.kind() != MediaServerException.Kind.ALREADY_SHARED) {
        throw e;
      }
      return new Made(new ShareResult(null, request.username(), null, false, null), false);
    }
  }

  /** Records a share the server made, and sends the welcome for it. */
  void record(
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

  /** A Jellyfin/Emby account this user had on the server and lost: it is enabled again. */
  Optional<Share> removedShare(Optional<User> known, Server server) {
    if (known.isEmpty() || server.kind() == ServerKind.PLEX) {
      return Optional.empty();
    }
    return shares.forUser(known.get().id()).stream()
        .filter(s -> s.serverId() == server.id() && !s.active() && s.accountId() != null)
        .findFirst();
  }

  /** The plan's libraries on the server; refused when there are none to share. */
  List<String> grantedLibraries(Server server, Plan plan) {
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

  List<String> grantedIds(Server server, Plan plan) {
    return granted(server, plan).stream().map(Library::providerId).toList();
  }

  /** The server's libraries in one of the plan's groups. */
  List<Library> granted(Server server, Plan plan) {
    Set<String> groups = new HashSet<>();
    plan.spec().groups().forEach(g -> groups.add(g.toLowerCase(Locale.ROOT)));
    return libraries.forServer(server.id()).stream()
        .filter(l -> groups.contains(l.group().toLowerCase(Locale.ROOT)))
        .toList();
  }
}

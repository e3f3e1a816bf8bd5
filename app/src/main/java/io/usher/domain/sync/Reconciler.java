package io.usher.domain.sync;

import io.usher.domain.common.ValidationException;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.servers.Share;
import io.usher.domain.users.Emails;
import io.usher.domain.users.UserSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides what a server's user list means for the ledger, without touching it (seed 002): known
 * accounts update their share, unknown ones become users (standard or permanent per the setting),
 * and shares the server no longer reports are marked removed. Running it again on the same answer
 * plans nothing.
 *
 * <p>A remote account is matched to what Usher has by, in order: the account id of a share on this
 * server, the account name of such a share, then the user's email.
 */
public final class Reconciler {
  private final long serverId;
  private final boolean importPermanent;
  private final Instant now;

  public Reconciler(long serverId, boolean importPermanent, Instant now) {
    this.serverId = serverId;
    this.importPermanent = importPermanent;
    this.now = now;
  }

  /**
   * @param existing every share recorded on this server, removed ones included
   * @param userIdByEmail finds a user by normalised email
   * @param libraryIds the server's libraries: provider id → Usher's library id
   */
  public SyncPlan plan(
      List<RemoteUser> remote,
      List<Share> existing,
      Function<String, Optional<Long>> userIdByEmail,
      Map<String, Long> libraryIds) {
    Map<String, Share> byAccountId = new HashMap<>();
    Map<String, Share> byAccount = new HashMap<>();
    Map<Long, Share> byUser = new HashMap<>();
    for (Share s : existing) {
      if (s.accountId() != null) {
        byAccountId.put(s.accountId(), s);
      }
      byAccount.put(key(s.account()), s);
      byUser.put(s.userId(), s);
    }
    List<Arrival> arrivals = new ArrayList<>();
    List<Share> writes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    Set<String> arrivingEmails = new HashSet<>();
    int created = 0;
    int updated = 0;
    for (RemoteUser r : remote) {
      String account = account(r);
      if (account == null) {
        problems.add("An account with id " + r.accountId() + " has no name or email: skipped.");
        continue;
      }
      String email = email(r, problems);
      Share known =
          Optional.ofNullable(r.accountId() == null ? null : byAccountId.get(r.accountId()))
              .or(() -> Optional.ofNullable(byAccount.get(key(account))))
              .or(() -> Optional.ofNullable(email).flatMap(userIdByEmail).map(byUser::get))
              .orElse(null);
      if (known != null) {
        if (!seen.add(known.id())) {
          problems.add(account + " appears twice on the server: the second entry was skipped.");
          continue;
        }
        Share changed = share(known.id(), known.userId(), r, account, known, libraryIds);
        if (!changed.equals(known)) {
          writes.add(changed);
          updated++;
        }
        continue;
      }
      Optional<Long> user = Optional.ofNullable(email).flatMap(userIdByEmail);
      if (user.isPresent()) {
        writes.add(share(0, user.get(), r, account, null, libraryIds));
        created++;
      } else if (email != null && !arrivingEmails.add(email)) {
        problems.add(email + " appears twice on the server: the second entry was skipped.");
      } else {
        arrivals.add(
            new Arrival(
                r,
                new UserSpec(email, name(r), importPermanent, false, null, null, null, null),
                share(0, 0, r, account, null, libraryIds)));
      }
    }
    int removed = 0;
    for (Share s : existing) {
      if (s.active() && !seen.contains(s.id())) {
        writes.add(
            new Share(
                s.id(),
                s.userId(),
                s.serverId(),
                s.account(),
                s.accountId(),
                s.providerShareId(),
                s.invitedAt(),
                s.acceptedAt(),
                s.pending(),
                now,
                s.allLibraries(),
                s.libraryIds()));
        removed++;
      }
    }
    return new SyncPlan(arrivals, writes, created, updated, removed, problems);
  }

  private Share share(
      long id,
      long userId,
      RemoteUser r,
      String account,
      Share before,
      Map<String, Long> libraries) {
    Set<Long> granted = new LinkedHashSet<>();
    if (r.allLibraries()) {
      granted.addAll(libraries.values());
    } else {
      r.libraryIds().stream().map(libraries::get).filter(l -> l != null).forEach(granted::add);
    }
    // Jellyfin and Emby report no dates: keep what Usher recorded (the day it invited them).
    Instant invited =
        r.invitedAt() != null ? r.invitedAt() : before == null ? null : before.invitedAt();
    Instant accepted =
        r.acceptedAt() != null ? r.acceptedAt() : before == null ? null : before.acceptedAt();
    return new Share(
        id,
        userId,
        serverId,
        account,
        r.accountId(),
        r.shareId(),
        invited,
        accepted,
        r.pending(),
        null,
        r.allLibraries(),
        Set.copyOf(granted));
  }

  private static String account(RemoteUser r) {
    if (r.username() != null && !r.username().isBlank()) {
      return r.username().strip();
    }
    return r.email() == null || r.email().isBlank() ? null : r.email().strip();
  }

  private static String name(RemoteUser r) {
    String name = account(r);
    return name != null && name.length() > 200 ? name.substring(0, 200) : name;
  }

  private static String email(RemoteUser r, List<String> problems) {
    if (r.email() == null || r.email().isBlank()) {
      return null;
    }
    try {
      return Emails.normalize(r.email());
    } catch (ValidationException e) {
      problems.add(
          account(r)
              + " has an email Usher cannot read ('"
              + r.email().strip()
              + "'): imported without one.");
      return null;
    }
  }

  private static String key(String account) {
    return account == null ? "" : account.toLowerCase(Locale.ROOT);
  }
}

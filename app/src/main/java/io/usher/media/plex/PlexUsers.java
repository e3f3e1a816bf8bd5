package io.usher.media.plex;

import static io.usher.media.plex.PlexApi.children;
import static io.usher.media.plex.PlexApi.flag;
import static io.usher.media.plex.PlexApi.instant;
import static io.usher.media.plex.PlexApi.text;

import io.usher.domain.media.RemoteUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads the people a server is shared with out of plex.tv's v1 XML and v2 JSON answers. */
final class PlexUsers {
  private PlexUsers() {}

  /**
   * v1 {@code /api/servers/{machineId}/shared_servers} (api-facts 1.6): one SharedServer per share;
   * a share not accepted yet has no acceptedAt. Null when a share has no id.
   */
  static List<RemoteUser> fromSharedServers(JsonNode container) {
    List<RemoteUser> users = new ArrayList<>();
    for (JsonNode share : children(container, "SharedServer")) {
      String shareId = text(share, "id");
      if (shareId == null) {
        return null;
      }
      List<String> libraries =
          children(share, "Section").stream()
              .filter(section -> flag(section, "shared"))
              .map(section -> text(section, "id"))
              .filter(Objects::nonNull)
              .toList();
      Instant acceptedAt = instant(share, "acceptedAt");
      users.add(
          new RemoteUser(
              text(share, "userID"),
              text(share, "username"),
              text(share, "email"),
              shareId,
              libraries,
              flag(share, "allLibraries"),
              acceptedAt == null,
              instant(share, "invitedAt"),
              acceptedAt,
              text(share, "allowSync") == null ? null : flag(share, "allowSync")));
    }
    return users;
  }

  /** The sharing flags of one v1 share, to send back unchanged when only libraries change. */
  static PlexSettings settingsOf(JsonNode container, String shareId) {
    return children(container, "SharedServer").stream()
        .filter(share -> shareId.equals(text(share, "id")))
        .findFirst()
        .map(
            share ->
                new PlexSettings(
                    flag(share, "allowSync"),
                    flag(share, "allowCameraUpload"),
                    flag(share, "allowChannels")))
        .orElse(null);
  }

  /**
   * v2 {@code /api/v2/shared_servers/invites/owned/pending} (api-facts 1.7): invites, each with the
   * {@code sharedServers[]} it offers. The reference names the share fields only by analogy with
   * {@code owned/accepted}, so each field is read from the share and, failing that, from the invite
   * around it. Shares of other servers are left out, and so is a share that names no server at all:
   * Usher cannot tell whose it is.
   */
  static List<RemoteUser> fromPendingInvites(JsonNode invites, String machineId) {
    List<RemoteUser> users = new ArrayList<>();
    if (!invites.isArray()) {
      return users;
    }
    for (JsonNode invite : invites.values()) {
      for (JsonNode share : children(invite, "sharedServers")) {
        String server = either(share, invite, "machineIdentifier");
        String shareId = text(share, "id");
        if (!machineId.equals(server) || shareId == null) {
          continue;
        }
        JsonNode invited =
            share.path("invited").isObject() ? share.path("invited") : invite.path("invited");
        String email = either(share, invite, "invitedEmail");
        users.add(
            new RemoteUser(
                firstNonNull(text(share, "invitedId"), text(invited, "id")),
                text(invited, "username"),
                email != null ? email : text(invited, "email"),
                shareId,
                children(share, "libraries").stream()
                    .map(library -> text(library, "id"))
                    .filter(Objects::nonNull)
                    .toList(),
                flag(share, "allLibraries"),
                true,
                firstNonNull(instant(share, "invitedAt"), instant(invite, "createdAt")),
                null));
      }
    }
    return users;
  }

  /**
   * The v1 shares plus the pending invites v1 did not list. It is not known whether v1 lists
   * pending invites (api-facts 1.6 is silent), so the same invite may come back from both: it is
   * the same person when the share id, the account id or the email matches, and v1's entry wins.
   */
  static List<RemoteUser> merge(List<RemoteUser> shares, List<RemoteUser> pending) {
    List<RemoteUser> all = new ArrayList<>(shares);
    Set<String> seen = new HashSet<>();
    shares.forEach(user -> remember(seen, user));
    for (RemoteUser invite : pending) {
      if (keys(invite).stream().noneMatch(seen::contains)) {
        all.add(invite);
        remember(seen, invite);
      }
    }
    return all;
  }

  private static void remember(Set<String> seen, RemoteUser user) {
    seen.addAll(keys(user));
  }

  private static List<String> keys(RemoteUser user) {
    List<String> keys = new ArrayList<>();
    if (user.shareId() != null) {
      keys.add("share:" + user.shareId());
    }
    if (user.accountId() != null) {
      keys.add("account:" + user.accountId());
    }
    if (user.email() != null) {
      keys.add("email:" + user.email().toLowerCase(Locale.ROOT));
    }
    return keys;
  }

  private static String either(JsonNode first, JsonNode second, String name) {
    return firstNonNull(text(first, name), text(second, name));
  }

  private static <T> T firstNonNull(T a, T b) {
    return a != null ? a : b;
  }
}

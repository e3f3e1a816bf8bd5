package io.usher.application.servers;

import io.usher.domain.common.NotFoundException;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.media.MediaLibrary;
import io.usher.domain.media.MediaServer;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.ServerConnection;
import io.usher.domain.media.ServerInfo;
import io.usher.domain.media.ServerKind;
import io.usher.domain.servers.Library;
import io.usher.domain.servers.LibraryGroupStore;
import io.usher.domain.servers.LibraryStore;
import io.usher.domain.servers.LocationStore;
import io.usher.domain.servers.NewServer;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerSettings;
import io.usher.domain.servers.ServerStore;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Linking media servers, their settings, libraries and library groups. A server is stored only once
 * its connection test passed and its libraries were read, so a wrong token or address changes
 * nothing.
 */
public final class ServerService {
  private final Transactions tx;
  private final ServerStore servers;
  private final LibraryStore libraries;
  private final LibraryGroupStore groups;
  private final LocationStore locations;
  private final MediaServers media;
  private final AuditLog audit;

  public ServerService(
      Transactions tx,
      ServerStore servers,
      LibraryStore libraries,
      LibraryGroupStore groups,
      LocationStore locations,
      MediaServers media,
      AuditLog audit) {
    this.tx = tx;
    this.servers = servers;
    this.libraries = libraries;
    this.groups = groups;
    this.locations = locations;
    this.media = media;
    this.audit = audit;
  }

  /** The Plex Media Servers a token owns, for the owner to pick from. */
  public List<PlexServerChoice> plexServers(String token, String proxyUrl) {
    if (token == null || token.isBlank()) {
      throw ValidationException.of("credential", "Paste the Plex token.");
    }
    return media.plexServers(token.strip(), blankToNull(proxyUrl));
  }

  /**
   * Links a Plex server the token owns, chosen by name or machine id among those plex.tv lists.
   *
   * @param url the address to reach it at; null takes the one plex.tv reports
   */
  public Server addPlex(String token, String name, String machineId, String url, String proxyUrl) {
    List<PlexServerChoice> owned = plexServers(token, proxyUrl);
    PlexServerChoice choice =
        owned.stream()
            .filter(
                c ->
                    (machineId != null && machineId.strip().equals(c.machineId()))
                        || (machineId == null
                            && name != null
                            && c.name().equalsIgnoreCase(name.strip())))
            .findFirst()
            .orElseThrow(() -> new UsherException(choose(owned, name, machineId)));
    String displayName = name != null && !name.isBlank() ? name.strip() : choice.name();
    String address = url != null && !url.isBlank() ? url : choice.url();
    if (address == null) {
      throw ValidationException.of(
          "url", "plex.tv knows no address for " + choice.name() + ": give it with --url.");
    }
    NewServer server =
        new NewServer(
            ServerKind.PLEX,
            displayName,
            address,
            token,
            choice.machineId(),
            proxyUrl,
            ServerSettings.defaults(ServerKind.PLEX));
    return link(server);
  }

  /** Links a Jellyfin or Emby server by address and API key. */
  public Server addMediaBrowser(ServerKind kind, String name, String url, String apiKey) {
    if (kind == ServerKind.PLEX) {
      throw new IllegalArgumentException("Plex servers are linked by token");
    }
    return link(new NewServer(kind, name, url, apiKey, null, null, ServerSettings.defaults(kind)));
  }

  private Server link(NewServer requested) {
    servers
        .byName(requested.name())
        .ifPresent(
            s -> {
              throw new io.usher.domain.common.ConflictException(
                  "A server named '" + requested.name() + "' is already linked.");
            });
    MediaServer remote =
        media.connect(
            new ServerConnection(
                requested.kind(),
                requested.name(),
                requested.url(),
                requested.credential(),
                requested.machineId(),
                requested.proxyUrl()));
    ServerInfo info = remote.test();
    List<MediaLibrary> found = remote.libraries();
    NewServer stored =
        new NewServer(
            requested.kind(),
            requested.name(),
            requested.url(),
            requested.credential(),
            requested.machineId() != null ? requested.machineId() : info.machineId(),
            requested.proxyUrl(),
            requested.settings());
    return tx.inTransaction(
        () -> {
          Server server = servers.insert(stored);
          libraries.replace(server.id(), found);
          audit.record(
              "server",
              server.id(),
              "linked",
              server.label() + " at " + server.url() + ", " + found.size() + " libraries");
          return server;
        });
  }

  public List<ServerRow> list() {
    Map<Long, Integer> counts = servers.userCounts();
    return servers.all().stream()
        .map(s -> new ServerRow(s, counts.getOrDefault(s.id(), 0)))
        .toList();
  }

  public Server byName(String name) {
    return servers
        .byName(name)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "There is no server named '" + name + "'. Linked servers: " + names() + "."));
  }

  /** Connects to the server now and says what it is; throws the owner's sentence if it fails. */
  public ServerInfo test(String name) {
    return media.connect(byName(name).connection()).test();
  }

  public Server update(String name, ServerSettings settings) {
    return update(name, null, settings);
  }

  /**
   * @param newName null keeps the name
   */
  public Server update(String name, String newName, ServerSettings settings) {
    Server before = byName(name);
    String renamed = newName == null ? null : newName.strip();
    if (renamed != null && renamed.isEmpty()) {
      throw ValidationException.of("name", "Give the server a name.");
    }
    return tx.inTransaction(
        () -> {
          servers.updateSettings(before.id(), settings);
          String change = before.settings() + " → " + settings;
          if (renamed != null && !renamed.equals(before.name())) {
            servers.rename(before.id(), renamed);
            change = "renamed " + before.name() + " → " + renamed + "; " + change;
          }
          audit.record("server", before.id(), "edited", change);
          return servers.byId(before.id()).orElseThrow();
        });
  }

  /** Reads the server's libraries again; new ones land in Private. */
  public int refreshLibraries(Server server) {
    List<MediaLibrary> found = media.connect(server.connection()).libraries();
    return tx.inTransaction(() -> libraries.replace(server.id(), found));
  }

  /**
   * @param server null for every server's libraries
   */
  public List<Library> libraries(String server) {
    return server == null ? libraries.all() : libraries.forServer(byName(server).id());
  }

  public Library setGroup(long libraryId, String group) {
    String canonical =
        groups.names().stream()
            .filter(g -> g.equalsIgnoreCase(group.strip()))
            .findFirst()
            .orElseThrow(
                () ->
                    ValidationException.of(
                        "group",
                        "There is no library group named '"
                            + group
                            + "'. Groups: "
                            + String.join(", ", groups.names())
                            + "."));
    return tx.inTransaction(
        () -> {
          Library before =
              libraries
                  .byId(libraryId)
                  .orElseThrow(
                      () ->
                          new NotFoundException("There is no library with id " + libraryId + "."));
          libraries.setGroup(libraryId, canonical);
          audit.record(
              "library",
              libraryId,
              "grouped",
              before.server() + " / " + before.title() + ": " + before.group() + " → " + canonical);
          return libraries.byId(libraryId).orElseThrow();
        });
  }

  public List<String> groups() {
    return groups.names();
  }

  public String addGroup(String name) {
    String clean = groupName(name, "group", "library group");
    tx.run(() -> groups.add(clean));
    return clean;
  }

  public List<String> locations() {
    return locations.names();
  }

  public String addLocation(String name) {
    String clean = groupName(name, "location", "server location");
    tx.run(() -> locations.add(clean));
    return clean;
  }

  private static String groupName(String name, String field, String what) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()) {
      throw ValidationException.of(field, "Give the " + what + " a name.");
    }
    if (clean.length() > 100) {
      throw ValidationException.of(field, "The name is too long: keep it under 100 characters.");
    }
    return clean;
  }

  private String names() {
    List<Server> all = servers.all();
    return all.isEmpty()
        ? "none yet"
        : all.stream().map(Server::name).collect(Collectors.joining(", "));
  }

  private static String choose(List<PlexServerChoice> owned, String name, String machineId) {
    if (owned.isEmpty()) {
      return "This Plex token owns no Plex Media Server: sign in as the server's owner and copy"
          + " that account's token.";
    }
    String list =
        owned.stream()
            .map(c -> c.name() + " (" + c.machineId() + ")")
            .collect(Collectors.joining(", "));
    String asked =
        machineId != null
            ? "No server with machine id " + machineId
            : name != null ? "No server named '" + name + "'" : "Choose a server";
    return asked + " among this token's servers: " + list + ".";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

package io.usher.domain.servers;

import io.usher.domain.media.ServerConnection;
import io.usher.domain.media.ServerKind;

/**
 * A linked media server.
 *
 * @param credential the Plex token or API key: a secret, never shown or logged
 * @param machineId Plex's machineIdentifier; for Jellyfin/Emby the server id from /System/Info
 */
public record Server(
    long id,
    ServerKind kind,
    String name,
    String url,
    String credential,
    String machineId,
    String proxyUrl,
    ServerSettings settings) {

  public ServerConnection connection() {
    return new ServerConnection(kind, name, url, credential, machineId, proxyUrl);
  }

  /** "Plex server Tower": how messages name it. */
  public String label() {
    return kind.label() + " server " + name;
  }

  public Server withSettings(ServerSettings changed) {
    return new Server(id, kind, name, url, credential, machineId, proxyUrl, changed);
  }

  @Override
  public String toString() {
    return label();
  }
}

package io.usher.domain.media;

import java.util.Objects;

/**
 * What an adapter needs to reach one server.
 *
 * @param url the address the owner uses in a browser (http://host:8096); adapters add their own
 *     path prefixes (Emby's /emby)
 * @param credential the Plex token (owner account) or the Jellyfin/Emby API key; a secret
 * @param machineId Plex's machineIdentifier of the server; null for Jellyfin and Emby
 * @param proxyUrl an optional http://host:port proxy for the plex.tv calls of this account
 */
public record ServerConnection(
    ServerKind kind,
    String name,
    String url,
    String credential,
    String machineId,
    String proxyUrl) {

  public ServerConnection {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(credential, "credential");
  }

  @Override
  public String toString() {
    // Never the credential: this record can end up in a log line.
    return kind.code() + " server " + name + " at " + url;
  }
}

package io.usher.media.jellyfin;

import io.usher.domain.media.ServerConnection;
import io.usher.http.Http;
import io.usher.http.HttpReply;
import io.usher.media.mediabrowser.MediaBrowserClient;
import io.usher.media.mediabrowser.MediaBrowserServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Jellyfin server (10.10 to 12), reached with an API key. Unlike Emby: the key goes in {@code
 * Authorization: MediaBrowser Token="…"} (the legacy X-Emby-Token is off by default from 12.0),
 * routes sit at the root, library ids are the folder {@code Id}, {@code GET /Users} is a bare
 * array, the password goes with {@code POST /Users/New}, and a session message is a JSON body.
 */
public final class JellyfinServer extends MediaBrowserServer {

  /**
   * @param clientId this Usher installation, sent as DeviceId
   * @param version Usher's version
   */
  public JellyfinServer(Http http, ServerConnection connection, String clientId, String version) {
    super(client(http, connection, clientId, version));
  }

  private static MediaBrowserClient client(
      Http http, ServerConnection connection, String clientId, String version) {
    String who = MediaBrowserClient.who("Jellyfin", connection.name(), connection.url());
    return new MediaBrowserClient(
        http,
        who,
        MediaBrowserClient.base(connection.url(), null, who),
        "Authorization",
        authorization(connection.credential(), clientId, version));
  }

  /** Jellyfin URL-decodes each value, so each is encoded (a no-op for the usual ones). */
  static String authorization(String key, String clientId, String version) {
    return "MediaBrowser Token=\""
        + encode(key)
        + "\", Client=\"Usher\", Device=\"Usher\", DeviceId=\""
        + encode(clientId)
        + "\", Version=\""
        + encode(version)
        + "\"";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  @Override
  protected String libraryId(JsonNode folder) {
    return required(folder, "Id", "listing libraries");
  }

  @Override
  protected List<JsonNode> allUsers() {
    JsonNode users = client.getJson(client.url("Users"), "listing users");
    if (!users.isArray()) {
      throw client.unreadable("listing users", "Users is not an array", null);
    }
    return new ArrayList<>(users.values());
  }

  @Override
  protected JsonNode createUser(String name, String password) {
    ObjectNode body = client.object().put("Name", name).put("Password", password);
    HttpReply reply = client.post(client.url("Users", "New"), body);
    if (!reply.ok()) {
      throw createFailure(reply, name);
    }
    return client.read(reply, "creating the user " + name);
  }

  @Override
  protected void sendMessage(String sessionId, String message) {
    ObjectNode body =
        client.object().put("Header", "Usher").put("Text", message).put("TimeoutMs", 10_000);
    HttpReply reply = client.post(client.url("Sessions", sessionId, "Message"), body);
    if (!reply.ok()) {
      throw client.failure(reply, "showing a message");
    }
  }

  @Override
  protected JsonNode stopBody() {
    return null;
  }
}

package io.usher.media.emby;

import io.usher.domain.media.DeviceAccess;
import io.usher.domain.media.DevicePolicy;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.RemoteDevice;
import io.usher.domain.media.ServerConnection;
import io.usher.domain.media.ShareRequest;
import io.usher.http.Http;
import io.usher.http.HttpReply;
import io.usher.media.mediabrowser.Json;
import io.usher.media.mediabrowser.MediaBrowserClient;
import io.usher.media.mediabrowser.MediaBrowserServer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Emby server (4.x), reached with an API key. Unlike Jellyfin: the key goes in {@code
 * X-Emby-Token}, routes sit under {@code /emby}, sharing takes the library {@code Guid} (Emby 4.7+
 * also sends a numeric {@code Id}, which policies silently ignore), users are listed with {@code
 * GET /Users/Query} (older servers: a bare {@code GET /Users}), the password is set by a second
 * call after the user is created, a policy can cap simultaneous streams, and a session message
 * travels as query parameters. Emby also limits the devices an account may sign in from, which is
 * how a plan's device limit is applied.
 */
public final class EmbyServer extends MediaBrowserServer implements DeviceAccess {

  /**
   * @param clientId this Usher installation (unused by Emby's API-key auth; kept for symmetry)
   * @param version Usher's version
   */
  public EmbyServer(Http http, ServerConnection connection, String clientId, String version) {
    super(client(http, connection));
  }

  private static MediaBrowserClient client(Http http, ServerConnection connection) {
    String who = MediaBrowserClient.who("Emby", connection.name(), connection.url());
    return new MediaBrowserClient(
        http,
        who,
        MediaBrowserClient.base(connection.url(), "emby", who),
        "X-Emby-Token",
        connection.credential());
  }

  /**
   * The Guid; a server older than 4.7 may send none, and then its Id is the Guid-like string
   * sharing took at the time. A numeric Id is never used: Emby would ignore it.
   */
  @Override
  protected String libraryId(JsonNode folder) {
    String guid = Json.text(folder, "Guid");
    if (guid != null) {
      return guid;
    }
    String id = Json.text(folder, "Id");
    if (id == null || numeric(id)) {
      throw client.unreadable("listing libraries", "a library without Guid", null);
    }
    return id;
  }

  @Override
  protected void checkLibraryIds(List<String> libraryIds) {
    for (String id : libraryIds) {
      if (numeric(id)) {
        throw new IllegalArgumentException(
            "Emby ignores numeric library ids in a policy; pass the library Guid, not " + id);
      }
    }
  }

  private static boolean numeric(String id) {
    return !id.isEmpty() && id.chars().allMatch(Character::isDigit);
  }

  @Override
  protected List<JsonNode> allUsers() {
    String doing = "listing users";
    HttpReply reply = client.get(client.url("Users", "Query"));
    if (reply.code() == 404) {
      // Servers before 4.8 have no /Users/Query; they answer GET /Users with a bare array.
      JsonNode users = client.getJson(client.url("Users"), doing);
      if (!users.isArray()) {
        throw client.unreadable(doing, "Users is not an array", null);
      }
      return new ArrayList<>(users.values());
    }
    if (!reply.ok()) {
      throw client.failure(reply, doing);
    }
    JsonNode items = client.read(reply, doing).path("Items");
    if (!items.isArray()) {
      throw client.unreadable(doing, "no Items array", null);
    }
    return new ArrayList<>(items.values());
  }

  /**
   * Emby's CreateUserByName has no password, so a second call sets it. If that fails the account is
   * deleted again: a password-less Emby account signs in with an empty password.
   */
  @Override
  protected JsonNode createUser(String name, String password) {
    HttpReply reply = client.post(client.url("Users", "New"), client.object().put("Name", name));
    if (!reply.ok()) {
      throw createFailure(reply, name);
    }
    JsonNode user = client.read(reply, "creating the user " + name);
    String id = required(user, "Id", "creating the user " + name);
    try {
      // The 4.8 spec lists only Id, NewPw and ResetPassword; CurrentPw "" is what clients that
      // work against older servers send (an admin's key needs no current password), and extra
      // fields are ignored.
      ObjectNode body =
          client
              .object()
              .put("Id", id)
              .put("CurrentPw", "")
              .put("NewPw", password)
              .put("ResetPassword", false);
      HttpReply set = client.post(client.url("Users", id, "Password"), body);
      if (!set.ok()) {
        throw client.failure(set, "setting the password of " + name);
      }
    } catch (MediaServerException e) {
      throw undo(id, name, e, "did not set the password of " + name);
    }
    return user;
  }

  /** Emby enforces a stream cap itself (0 is unlimited); Jellyfin has no such field. */
  @Override
  protected void shareExtras(ObjectNode policy, ShareRequest request) {
    policy.put("SimultaneousStreamLimit", Math.max(0, request.maxStreams()));
  }

  @Override
  protected void sendMessage(String sessionId, String message) {
    HttpReply reply =
        client.post(
            client
                .url("Sessions", sessionId, "Message")
                .addQueryParameter("Text", message)
                .addQueryParameter("Header", "Usher")
                .addQueryParameter("TimeoutMs", "10000"),
            null);
    if (!reply.ok()) {
      throw client.failure(reply, "showing a message");
    }
  }

  /** The 4.8 spec marks the PlaystateRequest body required; the command is also in the path. */
  @Override
  protected JsonNode stopBody() {
    return client.object().put("Command", "Stop");
  }

  @Override
  public Optional<DeviceAccess> deviceAccess() {
    return Optional.of(this);
  }

  @Override
  public List<RemoteDevice> devices() {
    String doing = "listing devices";
    JsonNode items = client.getJson(client.url("Devices"), doing).path("Items");
    if (!items.isArray()) {
      throw client.unreadable(doing, "no Items array", null);
    }
    List<RemoteDevice> devices = new ArrayList<>();
    for (JsonNode device : items) {
      devices.add(
          new RemoteDevice(
              required(device, "Id", doing),
              Json.text(device, "ReportedDeviceId"),
              Json.text(device, "Name"),
              Json.text(device, "AppName"),
              Json.text(device, "LastUserId"),
              instant(Json.text(device, "DateLastActivity"))));
    }
    return devices;
  }

  /** Emby writes seven fractional digits ("…T10:00:00.0000000Z"), which Instant reads. */
  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A policy that does not say EnableAllDevices leaves every device allowed, as Emby does. */
  @Override
  public Map<String, DevicePolicy> devicePolicies() {
    String doing = "listing users";
    Map<String, DevicePolicy> policies = new HashMap<>();
    for (JsonNode user : allUsers()) {
      JsonNode policy = user.path("Policy");
      if (!policy.isObject()) {
        throw client.unreadable(doing, "a user without Policy", null);
      }
      if (Json.flag(policy, "IsAdministrator")) {
        continue;
      }
      policies.put(
          required(user, "Id", doing),
          Json.saysFalse(policy, "EnableAllDevices")
              ? DevicePolicy.only(new HashSet<>(Json.strings(policy.path("EnabledDevices"))))
              : DevicePolicy.ANY);
    }
    return policies;
  }

  @Override
  public boolean setDevicePolicy(String accountId, String name, DevicePolicy devices) {
    return changePolicy(
        accountId,
        name,
        policy -> {
          policy.put("EnableAllDevices", devices.anyDevice());
          ArrayNode ids = policy.putArray("EnabledDevices");
          devices.deviceIds().stream().sorted().forEach(ids::add);
        });
  }

  @Override
  public void forget(RemoteDevice device) {
    HttpReply reply = client.delete(client.url("Devices").addQueryParameter("Id", device.id()));
    if (!reply.ok() && reply.code() != 404) {
      throw client.failure(reply, "signing out the device " + device.label());
    }
  }
}

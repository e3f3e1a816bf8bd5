package io.usher.media.mediabrowser;

import static io.usher.media.mediabrowser.Json.flag;
import static io.usher.media.mediabrowser.Json.strings;
import static io.usher.media.mediabrowser.Json.text;

import io.usher.domain.media.ActiveStream;
import io.usher.domain.media.MediaLibrary;
import io.usher.domain.media.MediaServer;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.media.ServerInfo;
import io.usher.domain.media.ShareRequest;
import io.usher.domain.media.ShareResult;
import io.usher.http.HttpReply;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Jellyfin and Emby share: both descend from the MediaBrowser API, so users, policies,
 * libraries and sessions look alike. The differences (auth header, path prefix, which library id
 * sharing takes, how users are listed and created, how a message is sent) are the abstract methods,
 * each implemented and tested per dialect.
 */
public abstract class MediaBrowserServer implements MediaServer {
  private static final Logger LOG = LoggerFactory.getLogger(MediaBrowserServer.class);

  protected final MediaBrowserClient client;
  private final RandomGenerator random;

  protected MediaBrowserServer(MediaBrowserClient client) {
    this.client = client;
    this.random = new SecureRandom();
  }

  /** The id sharing takes for one entry of GET /Library/MediaFolders. */
  protected abstract String libraryId(JsonNode folder);

  /** Every account on the server, admins and disabled ones included (UserDto objects). */
  protected abstract List<JsonNode> allUsers();

  /** Creates the account with this password; returns the new UserDto. */
  protected abstract JsonNode createUser(String name, String password);

  /** Dialect fields of a share's policy on top of the shared ones. */
  protected void shareExtras(ObjectNode policy, ShareRequest request) {}

  /** Throws IllegalArgumentException for ids the server would silently ignore. */
  protected void checkLibraryIds(List<String> libraryIds) {}

  /** Shows the viewer a message; failures are the caller's to swallow. */
  protected abstract void sendMessage(String sessionId, String message);

  /** The body of POST /Sessions/{id}/Playing/Stop; null for none. */
  protected abstract JsonNode stopBody();

  @Override
  public ServerInfo test() {
    JsonNode info = client.getJson(client.url("System", "Info"), "checking the connection");
    return new ServerInfo(
        required(info, "ServerName", "checking the connection"),
        required(info, "Version", "checking the connection"),
        required(info, "Id", "checking the connection"));
  }

  @Override
  public List<MediaLibrary> libraries() {
    String doing = "listing libraries";
    JsonNode items = client.getJson(client.url("Library", "MediaFolders"), doing).path("Items");
    if (!items.isArray()) {
      throw client.unreadable(doing, "no Items array", null);
    }
    List<MediaLibrary> libraries = new ArrayList<>();
    for (JsonNode folder : items) {
      libraries.add(
          new MediaLibrary(
              libraryId(folder), required(folder, "Name", doing), text(folder, "CollectionType")));
    }
    return libraries;
  }

  /**
   * Everyone who can watch: administrators are the owner (not customers), and a disabled account
   * sees nothing, so both are left out.
   */
  @Override
  public List<RemoteUser> users() {
    String doing = "listing users";
    List<RemoteUser> users = new ArrayList<>();
    for (JsonNode user : allUsers()) {
      JsonNode policy = user.path("Policy");
      if (!policy.isObject()) {
        throw client.unreadable(doing, "a user without Policy", null);
      }
      if (flag(policy, "IsAdministrator") || flag(policy, "IsDisabled")) {
        continue;
      }
      users.add(
          new RemoteUser(
              required(user, "Id", doing),
              required(user, "Name", doing),
              null,
              null,
              strings(policy.path("EnabledFolders")),
              flag(policy, "EnableAllFolders"),
              false,
              null,
              null,
              policy.path("EnableContentDownloading").isBoolean()
                  ? policy.path("EnableContentDownloading").booleanValue()
                  : null));
    }
    return users;
  }

  @Override
  public ShareResult share(ShareRequest request) {
    String name = request.username() == null ? "" : request.username().strip();
    if (name.isEmpty()) {
      throw new MediaServerException(
          Kind.INVALID_ACCOUNT, client.who() + " needs a username for the new account.");
    }
    checkLibraryIds(request.libraryIds());
    String password =
        request.password() == null || request.password().isEmpty()
            ? Passwords.generate(random)
            : request.password();
    JsonNode created = createUser(name, password);
    String id = required(created, "Id", "creating the user " + name);
    try {
      if (!changePolicy(id, name, policy -> shareAccess(policy, request))) {
        throw new MediaServerException(
            Kind.NOT_FOUND, client.who() + " has no user " + name + " any more.");
      }
    } catch (MediaServerException e) {
      // A new account may see every library until its policy is set: never leave it behind.
      throw undo(id, name, e, "did not take what " + name + " may watch");
    }
    return new ShareResult(
        id, text(created, "Name") == null ? name : text(created, "Name"), null, false, password);
  }

  private void shareAccess(ObjectNode policy, ShareRequest request) {
    setFolders(policy, request.libraryIds());
    policy.put("IsDisabled", false);
    policy.put("EnableContentDownloading", request.downloads());
    policy.put("EnableVideoPlaybackTranscoding", request.transcode());
    policy.put("IsHidden", true);
    shareExtras(policy, request);
  }

  @Override
  public void updateLibraries(RemoteUser user, List<String> libraryIds) {
    changeAccess(user, libraryIds, policy -> {});
  }

  @Override
  public void updateAccess(RemoteUser user, List<String> libraryIds, boolean downloads) {
    changeAccess(user, libraryIds, policy -> policy.put("EnableContentDownloading", downloads));
  }

  /** The whole policy read, its folders and {@code more} changed, and written back. */
  private void changeAccess(RemoteUser user, List<String> libraryIds, Consumer<ObjectNode> more) {
    if (libraryIds == null || libraryIds.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one library");
    }
    checkLibraryIds(libraryIds);
    boolean found =
        changePolicy(
            user.accountId(),
            label(user),
            policy -> {
              setFolders(policy, libraryIds);
              more.accept(policy);
            });
    if (!found) {
      throw new MediaServerException(
          Kind.NOT_FOUND, client.who() + " has no user " + label(user) + " any more.");
    }
  }

  /** Enables the account {@link #remove} kept, with the request's libraries; the password stays. */
  @Override
  public io.usher.domain.media.ShareResult restore(
      RemoteUser user, io.usher.domain.media.ShareRequest request) {
    checkLibraryIds(request.libraryIds());
    boolean found =
        changePolicy(
            user.accountId(),
            label(user),
            policy -> {
              setFolders(policy, request.libraryIds());
              policy.put("IsDisabled", false);
            });
    if (!found) {
      return share(request);
    }
    return new io.usher.domain.media.ShareResult(
        user.accountId(), user.username(), null, false, null);
  }

  /**
   * Disables the account and empties its libraries rather than deleting it: the account, its watch
   * history and settings stay, so a renewal can enable it again. Disabling also signs the user out
   * everywhere (Jellyfin revokes the tokens). An account already gone is fine.
   */
  @Override
  public void remove(RemoteUser user) {
    changePolicy(
        user.accountId(),
        label(user),
        policy -> {
          policy.put("IsDisabled", true);
          policy.put("EnableAllFolders", false);
          policy.putArray("EnabledFolders");
        });
  }

  @Override
  public List<ActiveStream> streams() {
    String doing = "listing streams";
    JsonNode sessions = client.getJson(client.url("Sessions"), doing);
    if (!sessions.isArray()) {
      throw client.unreadable(doing, "Sessions is not an array", null);
    }
    List<ActiveStream> streams = new ArrayList<>();
    for (JsonNode session : sessions) {
      ActiveStream stream = Streams.of(session);
      if (stream != null) {
        if (stream.sessionId() == null) {
          throw client.unreadable(doing, "a playing session without Id", null);
        }
        streams.add(stream);
      }
    }
    return streams;
  }

  @Override
  public void stopStream(String sessionId, String message) {
    if (message != null && !message.isBlank()) {
      try {
        sendMessage(sessionId, message);
      } catch (MediaServerException e) {
        // The message is a courtesy; the stop is what the owner asked for.
        LOG.info("{} did not show the stop message: {}", client.who(), e.getMessage());
      }
    }
    HttpReply reply = client.post(client.url("Sessions", sessionId, "Playing", "Stop"), stopBody());
    if (reply.code() == 404) {
      throw new MediaServerException(
          Kind.NOT_FOUND, "That stream has already ended on " + client.who() + ".");
    }
    if (!reply.ok()) {
      throw client.failure(reply, "stopping a stream");
    }
  }

  /**
   * Read-modify-write of a user's policy: the whole Policy object as the server has it (fields
   * Usher does not know, like AuthenticationProviderId, must go back or Jellyfin fails), with
   * {@code change} applied. False when the user does not exist.
   */
  protected final boolean changePolicy(String userId, String name, Consumer<ObjectNode> change) {
    String doing = "changing what " + name + " may watch";
    HttpReply read = client.get(client.url("Users", userId));
    if (read.code() == 404) {
      return false;
    }
    if (!read.ok()) {
      throw client.failure(read, doing);
    }
    if (!(client.read(read, doing).path("Policy") instanceof ObjectNode policy)) {
      throw client.unreadable(doing, "a user without Policy", null);
    }
    change.accept(policy);
    HttpReply write = client.post(client.url("Users", userId, "Policy"), policy);
    if (write.code() == 404) {
      return false;
    }
    if (write.code() == 403) {
      String said = client.serverText(write);
      throw new MediaServerException(
          Kind.REFUSED,
          client.who()
              + " refused to change what "
              + name
              + " may watch"
              + (said.isEmpty() ? "." : ": " + said + "."));
    }
    if (!write.ok()) {
      throw client.failure(write, doing);
    }
    return true;
  }

  /**
   * The sentence for a failed POST /Users/New: a taken name (Jellyfin's "A user with the name '…'
   * already exists.") and other refused names are INVALID_ACCOUNT.
   */
  protected final MediaServerException createFailure(HttpReply reply, String name) {
    String said = client.serverText(reply);
    if (reply.code() != 401 && said.toLowerCase(Locale.ROOT).contains("already exists")) {
      return new MediaServerException(
          Kind.INVALID_ACCOUNT,
          client.who() + " already has a user named " + name + "; choose another username.");
    }
    if (reply.code() == 400) {
      return new MediaServerException(
          Kind.INVALID_ACCOUNT,
          client.who()
              + " refused the username "
              + name
              + (said.isEmpty() ? "." : ": " + said + "."));
    }
    return client.failure(reply, "creating the user " + name);
  }

  /**
   * Deletes an account Usher just created after a later step failed, and says so. If even the
   * delete fails the owner must clean up by hand, so that is what the sentence asks.
   */
  protected final MediaServerException undo(
      String userId, String name, MediaServerException failure, String what) {
    LOG.warn("{} {}; deleting the new account: {}", client.who(), what, failure.getMessage());
    try {
      HttpReply reply = client.delete(client.url("Users", userId));
      if (reply.ok() || reply.code() == 404) {
        return new MediaServerException(
            failure.kind(),
            client.who() + " " + what + ", so Usher deleted the new account again; try later.",
            failure);
      }
      LOG.warn("{} refused to delete {} (HTTP {})", client.who(), name, reply.code());
    } catch (MediaServerException e) {
      LOG.warn("{} did not delete {}: {}", client.who(), name, e.getMessage());
    }
    return new MediaServerException(
        Kind.REFUSED,
        client.who()
            + " "
            + what
            + " and Usher could not delete the new account: delete "
            + name
            + " in the server's dashboard.",
        failure);
  }

  protected final String required(JsonNode node, String field, String doing) {
    String value = text(node, field);
    if (value == null) {
      throw client.unreadable(doing, "no " + field, null);
    }
    return value;
  }

  private static void setFolders(ObjectNode policy, List<String> libraryIds) {
    policy.put("EnableAllFolders", false);
    ArrayNode folders = policy.putArray("EnabledFolders");
    libraryIds.forEach(folders::add);
  }

  private static String label(RemoteUser user) {
    return user.username() == null ? user.accountId() : user.username();
  }
}

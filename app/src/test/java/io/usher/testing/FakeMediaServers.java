package io.usher.testing;

import io.usher.domain.media.ActiveStream;
import io.usher.domain.media.DeviceAccess;
import io.usher.domain.media.DevicePolicy;
import io.usher.domain.media.MediaLibrary;
import io.usher.domain.media.MediaServer;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.PlexPin;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.RemoteDevice;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.media.ServerConnection;
import io.usher.domain.media.ServerInfo;
import io.usher.domain.media.ShareRequest;
import io.usher.domain.media.ShareResult;
import io.usher.domain.sharing.Locator;
import io.usher.domain.sharing.Place;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory media servers for service tests: each has libraries and users the test sets, and can be
 * told to fail. Adapters themselves are tested against MockWebServer with the real wire shapes.
 */
public final class FakeMediaServers implements MediaServers {
  public final Map<String, Fake> byUrl = new HashMap<>();
  public final List<PlexServerChoice> plexServers = new ArrayList<>();

  /** Sign in with Plex: how many polls find the code not yet confirmed before the token comes. */
  public int signInWaits;

  /** What a confirmed sign-in hands over; null: the code expires instead. */
  public String signInToken = "good-token";

  public int signInPolls;

  /** Where plex.tv's GeoIP places each address; one not here is placed nowhere. */
  public final Map<String, Place> places = new HashMap<>();

  /** The addresses asked about, in order, and the token asked with. */
  public final List<String> located = new ArrayList<>();

  public String locatedWith;

  /** Thrown by a lookup of this address (or of any, for "*") while set. */
  public final Map<String, MediaServerException> failLocate = new HashMap<>();

  @Override
  public Locator plexLocator(String token, String proxyUrl) {
    return address -> {
      locatedWith = token;
      located.add(address);
      MediaServerException failure = failLocate.getOrDefault(address, failLocate.get("*"));
      if (failure != null) {
        throw failure;
      }
      return Optional.ofNullable(places.get(address));
    };
  }

  public Fake server(String url) {
    return byUrl.computeIfAbsent(url, u -> new Fake());
  }

  @Override
  public MediaServer connect(ServerConnection connection) {
    Fake fake = byUrl.get(connection.url());
    if (fake == null) {
      throw new MediaServerException(
          MediaServerException.Kind.UNREACHABLE,
          connection.name() + " did not answer at " + connection.url() + ".");
    }
    return fake;
  }

  @Override
  public PlexPin startPlexSignIn(String proxyUrl) {
    return new PlexPin(
        7, "code7", "https://app.plex.test/auth#?code=code7", java.time.Duration.ofMinutes(30));
  }

  @Override
  public Optional<String> plexSignInToken(PlexPin pin, String proxyUrl) {
    if (signInPolls++ < signInWaits) {
      return Optional.empty();
    }
    if (signInToken == null) {
      throw new MediaServerException(
          MediaServerException.Kind.NOT_FOUND,
          "The Plex sign-in code expired before it was confirmed: start again.");
    }
    return Optional.of(signInToken);
  }

  @Override
  public List<PlexServerChoice> plexServers(String token, String proxyUrl) {
    if (!"good-token".equals(token)) {
      throw new MediaServerException(
          MediaServerException.Kind.UNAUTHORIZED, "plex.tv refused the token.");
    }
    return plexServers;
  }

  public static final class Fake implements MediaServer, DeviceAccess {
    public final List<MediaLibrary> libraries = new ArrayList<>();
    public final List<RemoteUser> users = new ArrayList<>();
    public String machineId = "machine-1";
    public MediaServerException failUsers;
    public MediaServerException failTest;

    /** Thrown by the next share calls, one per call, until the list is empty. */
    public final List<MediaServerException> failShares = new ArrayList<>();

    public final List<ShareRequest> shared = new ArrayList<>();

    /** Run inside each successful share, as something else happening while the server works. */
    public Runnable duringShare = () -> {};

    public final List<RemoteUser> removed = new ArrayList<>();

    /** Thrown by every remove call while set. */
    public MediaServerException failRemoves;

    public final List<RemoteUser> restored = new ArrayList<>();

    /** What is playing; a stream stopped successfully leaves the list. */
    public final List<ActiveStream> streams = new ArrayList<>();

    /** Session ids stopped, in order, with the message shown to the viewer. */
    public final List<String> stopped = new ArrayList<>();

    public final List<String> stopMessages = new ArrayList<>();

    /** Thrown by every stopStream call while set (Plex without Plex Pass: FEATURE_UNAVAILABLE). */
    public MediaServerException failStops;

    /** Thrown by streams() while set. */
    public MediaServerException failStreams;

    /** The password a Jellyfin/Emby share reports having set; null like Plex. */
    public String password;

    /** Whether the server has device controls, as Emby does. */
    public boolean controlsDevices;

    /** The devices the server lists; a forgotten one leaves the list. */
    public final List<RemoteDevice> devices = new ArrayList<>();

    /** Device policies set, by account id; an account not in it may use any device. */
    public final Map<String, DevicePolicy> devicePolicies = new HashMap<>();

    /** How many times a device policy was written. */
    public int devicePolicyWrites;

    /** Device ids forgotten, in order. */
    public final List<String> forgotten = new ArrayList<>();

    /** Thrown by devices() while set. */
    public MediaServerException failDevices;

    /** Thrown by forget() while set. */
    public MediaServerException failForget;

    public Fake library(String id, String title) {
      libraries.add(new MediaLibrary(id, title, "movie"));
      return this;
    }

    public Fake user(RemoteUser user) {
      users.add(user);
      return this;
    }

    @Override
    public ServerInfo test() {
      if (failTest != null) {
        throw failTest;
      }
      return new ServerInfo("Fake", "1.0", machineId);
    }

    @Override
    public List<MediaLibrary> libraries() {
      return List.copyOf(libraries);
    }

    @Override
    public List<RemoteUser> users() {
      if (failUsers != null) {
        throw failUsers;
      }
      return List.copyOf(users);
    }

    @Override
    public ShareResult share(ShareRequest request) {
      if (!failShares.isEmpty()) {
        throw failShares.removeFirst();
      }
      shared.add(request);
      duringShare.run();
      String id = "acct-" + shared.size();
      users.add(
          new RemoteUser(
              id,
              request.username(),
              request.email(),
              "share-" + shared.size(),
              request.libraryIds(),
              false,
              true,
              null,
              null,
              request.downloads()));
      return new ShareResult(id, request.username(), "share-" + shared.size(), true, password);
    }

    @Override
    public void updateLibraries(RemoteUser user, List<String> libraryIds) {
      change(user, libraryIds, null);
    }

    @Override
    public void updateAccess(RemoteUser user, List<String> libraryIds, boolean downloads) {
      change(user, libraryIds, downloads);
    }

    /** The user's libraries replaced, and their downloads too unless {@code downloads} is null. */
    private void change(RemoteUser user, List<String> libraryIds, Boolean downloads) {
      users.replaceAll(
          u ->
              u.accountId().equals(user.accountId())
                  ? new RemoteUser(
                      u.accountId(),
                      u.username(),
                      u.email(),
                      u.shareId(),
                      libraryIds,
                      false,
                      u.pending(),
                      u.invitedAt(),
                      u.acceptedAt(),
                      downloads == null ? u.downloads() : downloads)
                  : u);
    }

    @Override
    public ShareResult restore(RemoteUser user, ShareRequest request) {
      restored.add(user);
      users.add(
          new RemoteUser(
              user.accountId(),
              user.username(),
              request.email(),
              null,
              request.libraryIds(),
              false,
              false,
              null,
              null));
      return new ShareResult(user.accountId(), user.username(), null, false, null);
    }

    @Override
    public void remove(RemoteUser user) {
      if (failRemoves != null) {
        throw failRemoves;
      }
      removed.add(user);
      users.removeIf(u -> u.accountId().equals(user.accountId()));
    }

    public Fake stream(ActiveStream stream) {
      streams.add(stream);
      return this;
    }

    @Override
    public List<ActiveStream> streams() {
      if (failStreams != null) {
        throw failStreams;
      }
      return List.copyOf(streams);
    }

    @Override
    public void stopStream(String sessionId, String message) {
      if (failStops != null) {
        throw failStops;
      }
      stopped.add(sessionId);
      stopMessages.add(message);
      streams.removeIf(s -> s.sessionId().equals(sessionId));
    }

    @Override
    public Optional<DeviceAccess> deviceAccess() {
      return controlsDevices ? Optional.of(this) : Optional.empty();
    }

    @Override
    public List<RemoteDevice> devices() {
      if (failDevices != null) {
        throw failDevices;
      }
      return List.copyOf(devices);
    }

    @Override
    public Map<String, DevicePolicy> devicePolicies() {
      Map<String, DevicePolicy> policies = new HashMap<>();
      users.forEach(
          u ->
              policies.put(
                  u.accountId(), devicePolicies.getOrDefault(u.accountId(), DevicePolicy.ANY)));
      return policies;
    }

    @Override
    public boolean setDevicePolicy(String accountId, String name, DevicePolicy policy) {
      if (users.stream().noneMatch(u -> u.accountId().equals(accountId))) {
        return false;
      }
      devicePolicyWrites++;
      devicePolicies.put(accountId, policy);
      return true;
    }

    @Override
    public void forget(RemoteDevice device) {
      if (failForget != null) {
        throw failForget;
      }
      forgotten.add(device.id());
      devices.removeIf(d -> d.id().equals(device.id()));
    }
  }
}

package io.usher.application.expiry;

import io.usher.app.AppContext;
import io.usher.application.invites.InviteRequest;
import io.usher.domain.media.MediaServer;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.media.ServerConnection;
import io.usher.domain.media.ServerKind;
import io.usher.domain.outbox.Payload;
import io.usher.domain.servers.Library;
import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real ledger with one Jellyfin server "Den" (Movies in Standard, Home videos in Grace) answered
 * in memory; {@link #failRemovalOf} makes the server refuse one account's removal.
 */
final class ExpiryFixture {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers fakes = new FakeMediaServers();
  final Set<String> failRemovalOf = new HashSet<>();
  final FakeMediaServers.Fake den;
  final Path dataDir;
  AppContext usher;

  ExpiryFixture(Path dataDir) {
    this.dataDir = dataDir;
    den = fakes.server("http://den:8096").library("f1", "Movies").library("f2", "Home videos");
    open();
    Fixtures.monthly(usher, "Monthly", "10");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    group("Movies", "Standard");
    usher.servers().addGroup("Grace");
    group("Home videos", "Grace");
  }

  void open() {
    usher = new AppContext(dataDir, clock, s -> media());
  }

  /** Closes and opens the same data directory again: a restart. */
  void restart() {
    usher.close();
    open();
  }

  private MediaServers media() {
    return new MediaServers() {
      @Override
      public MediaServer connect(ServerConnection connection) {
        MediaServer real = fakes.connect(connection);
        return (MediaServer)
            Proxy.newProxyInstance(
                MediaServer.class.getClassLoader(),
                new Class<?>[] {MediaServer.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("remove")
                      && failRemovalOf.contains(((RemoteUser) args[0]).username())) {
                    throw new MediaServerException(
                        MediaServerException.Kind.UNREACHABLE, "Den did not answer.");
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
      }

      @Override
      public List<PlexServerChoice> plexServers(String token, String proxyUrl) {
        return fakes.plexServers(token, proxyUrl);
      }

      @Override
      public io.usher.domain.media.PlexPin startPlexSignIn(String proxyUrl) {
        return fakes.startPlexSignIn(proxyUrl);
      }

      @Override
      public java.util.Optional<String> plexSignInToken(
          io.usher.domain.media.PlexPin pin, String proxyUrl) {
        return fakes.plexSignInToken(pin, proxyUrl);
      }

      @Override
      public io.usher.domain.sharing.Locator plexLocator(String token, String proxyUrl) {
        return fakes.plexLocator(token, proxyUrl);
      }
    };
  }

  void group(String title, String group) {
    Library l =
        usher.servers().libraries("Den").stream()
            .filter(x -> x.title().equals(title))
            .findFirst()
            .orElseThrow();
    usher.servers().setGroup(l.id(), group);
  }

  long libraryId(String title) {
    return usher.servers().libraries("Den").stream()
        .filter(x -> x.title().equals(title))
        .findFirst()
        .orElseThrow()
        .id();
  }

  /** Invites {@code email} to Den with access ending {@code days} from now. */
  User invite(String email, long days, String subscriptionId) {
    usher
        .invites()
        .invite(
            new InviteRequest(
                email,
                "Monthly",
                "Den",
                null,
                null,
                null,
                null,
                subscriptionId,
                null,
                null,
                null,
                1,
                clock.instant().plus(Duration.ofDays(days))));
    return usher.users().byEmail(email);
  }

  User permanent(String email) {
    User u = invite(email, 1, null);
    UserSpec s = u.spec();
    return usher
        .users()
        .update(
            u.id(),
            new UserSpec(
                s.email(),
                s.name(),
                true,
                s.mustChangeAccount(),
                s.paypalEmail(),
                s.discordId(),
                s.discordName(),
                s.notes()));
  }

  /** The servers the ledger says the user has an active share on. */
  List<String> servers(String email) {
    return usher.queries().users().stream()
        .filter(u -> email.equals(u.email()))
        .findFirst()
        .orElseThrow()
        .servers();
  }

  /** The libraries Den says the account can see. */
  List<String> remoteLibraries(String username) {
    return den.users.stream()
        .filter(u -> u.username().equals(username))
        .findFirst()
        .orElseThrow()
        .libraryIds();
  }

  /** Mails waiting in the outbox: event → recipients, in order. */
  List<Map<String, String>> mails(String event) {
    return usher.outbox().pending().stream()
        .filter(i -> i.kind().equals("mail"))
        .map(i -> Payload.decode(i.payload()))
        .filter(p -> event.equals(p.get("event")))
        .toList();
  }

  void advance(Duration d) {
    clock.advance(d);
  }
}

package io.usher.media.plex;

import static io.usher.media.plex.PlexFakes.IDENTITY;
import static io.usher.media.plex.PlexFakes.TOKEN;
import static io.usher.media.plex.PlexFakes.assertPlexHeaders;
import static io.usher.media.plex.PlexFakes.connection;
import static io.usher.media.plex.PlexFakes.fixture;
import static io.usher.media.plex.PlexFakes.ok;
import static io.usher.media.plex.PlexFakes.reply;
import static io.usher.media.plex.PlexFakes.take;
import static io.usher.media.plex.PlexFakes.v2Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.media.MediaLibrary;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.media.ServerConnection;
import io.usher.domain.media.ServerInfo;
import io.usher.domain.media.ServerKind;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection test, libraries and users; one fake plays both plex.tv and the server. */
class PlexServerTest {
  final PlexFakes fakes = new PlexFakes();
  final MockWebServer fake = new MockWebServer();
  PlexServer server;

  @BeforeEach
  void start() throws IOException {
    fake.start();
    server = new PlexServer(fakes.http, fake.url("/").toString(), IDENTITY, connection(fake, null));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void aConnectionTestReadsTheServersIdentityAndChecksTheTokenWithPlexTv() throws Exception {
    fake.enqueue(ok(fixture("identity.xml")));
    fake.enqueue(ok("{\"id\":1,\"username\":\"owner\",\"email\":\"owner@example.com\"}"));

    assertThat(server.test()).isEqualTo(new ServerInfo("Tower", "1.41.0.8992-8463ad060", "abc123"));
    RecordedRequest identity = take(fake);
    assertThat(identity.getUrl().encodedPath()).isEqualTo("/identity");
    assertPlexHeaders(identity);
    RecordedRequest user = take(fake);
    assertThat(user.getUrl().encodedPath()).isEqualTo("/api/v2/user");
    assertThat(user.getHeaders().get("Accept")).isEqualTo("application/json");
    assertPlexHeaders(user);
  }

  @Test
  void aServerWithoutANameTakesTheNamePlexTvKnows() throws Exception {
    ServerConnection unnamed =
        new ServerConnection(
            ServerKind.PLEX, null, fake.url("/").toString(), TOKEN, "abc123", null);
    server = new PlexServer(fakes.http, fake.url("/").toString(), IDENTITY, unnamed);
    fake.enqueue(ok(fixture("identity.xml")));
    fake.enqueue(ok("{\"id\":1}"));
    fake.enqueue(ok(fixture("server.xml")));

    assertThat(server.test().name()).isEqualTo("Tower");
    take(fake);
    take(fake);
    assertThat(take(fake).getUrl().encodedPath()).isEqualTo("/api/servers/abc123");
  }

  @Test
  void anotherServerAtTheAddressIsReportedNotTrusted() {
    fake.enqueue(ok("<MediaContainer size=\"0\" machineIdentifier=\"zzz999\" version=\"1.40\"/>"));

    assertThatThrownBy(server::test)
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
              assertThat(e.getMessage())
                  .contains("zzz999", "Plex server Tower")
                  .endsWith("correct the address in the server's settings.");
            });
    assertThat(fake.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aTokenPlexTvDoesNotKnowIsUnauthorized() {
    fake.enqueue(ok(fixture("identity.xml")));
    fake.enqueue(
        reply(
            401, "{\"errors\":[{\"code\":1001,\"message\":\"User could not be authenticated\"}]}"));

    assertThatThrownBy(server::test)
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "plex.tv refused the Plex token while checking the token of Plex server"
                          + " Tower: sign in to Plex again in the server's settings.");
            });
  }

  @Test
  void aServerThatIsOffIsUnreachable() {
    fake.close();

    assertThatThrownBy(server::test)
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
              assertThat(e.getMessage()).startsWith("Plex server Tower did not answer");
            });
  }

  @Test
  void malformedXmlIsAnUnexpectedResponse() {
    fake.enqueue(ok("<MediaContainer machineIdentifier=\"abc123\""));

    assertThatThrownBy(server::test)
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE);
              assertThat(e.getMessage()).startsWith("Plex server Tower sent an answer");
            });
  }

  @Test
  void librariesCarryPlexTvsGlobalSectionIdsNotTheServersLocalKeys() throws Exception {
    fake.enqueue(ok(fixture("server.xml")));

    assertThat(server.libraries())
        .containsExactly(
            new MediaLibrary("118181361", "Movies", "movie"),
            new MediaLibrary("118251661", "TV Shows", "show"),
            new MediaLibrary("118278404", "Music", "artist"));
    RecordedRequest request = take(fake);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/servers/abc123");
    assertPlexHeaders(request);
  }

  @Test
  void librariesOfAServerPlexTvDoesNotListAreNotFound() {
    fake.enqueue(ok("<MediaContainer size=\"0\"/>"));

    assertThatThrownBy(server::libraries)
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
  }

  @Test
  void usersAreTheSharesPlusPendingInvitesEachPersonOnce() throws Exception {
    fake.enqueue(ok(fixture("shared_servers.xml")));
    fake.enqueue(ok(fixture("pending.json")));

    List<RemoteUser> users = server.users();

    assertThat(users)
        .containsExactly(
            new RemoteUser(
                "1111",
                "alice",
                "alice@example.com",
                "30001",
                List.of("118181361", "118278404"),
                false,
                false,
                Instant.ofEpochSecond(1699000000),
                Instant.ofEpochSecond(1700000000),
                true),
            new RemoteUser(
                "2222",
                null,
                "bob@example.com",
                "30002",
                List.of("118181361"),
                true,
                true,
                Instant.ofEpochSecond(1701000000),
                null,
                false),
            new RemoteUser(
                "3333",
                "carol",
                "carol@example.com",
                "30003",
                List.of("118251661"),
                false,
                true,
                Instant.ofEpochSecond(1702000000),
                null));
    RecordedRequest v1 = take(fake);
    assertThat(v1.getUrl().encodedPath()).isEqualTo("/api/servers/abc123/shared_servers");
    assertPlexHeaders(v1);
    RecordedRequest v2 = take(fake);
    assertThat(v2.getUrl().encodedPath()).isEqualTo("/api/v2/shared_servers/invites/owned/pending");
    assertThat(v2.getHeaders().get("Accept")).isEqualTo("application/json");
    assertPlexHeaders(v2);
  }

  @Test
  void pendingInvitesSomeoneHasNoV1ShareForAreAddedEvenWhenV1ListsNone() {
    fake.enqueue(ok("<MediaContainer size=\"0\" machineIdentifier=\"abc123\"/>"));
    fake.enqueue(ok(fixture("pending.json")));

    assertThat(server.users())
        .extracting(RemoteUser::shareId, RemoteUser::pending)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("30002", true),
            org.assertj.core.groups.Tuple.tuple("30003", true));
  }

  @Test
  void aRetiredPendingInvitesEndpointStillListsTheShares() {
    fake.enqueue(ok(fixture("shared_servers.xml")));
    fake.enqueue(
        reply(410, "<Response code=\"410\" status=\"This endpoint was deprecated and removed\"/>"));

    assertThat(server.users()).extracting(RemoteUser::shareId).containsExactly("30001", "30002");
  }

  @Test
  void aMissingPendingInvitesEndpointStillListsTheShares() {
    fake.enqueue(ok(fixture("shared_servers.xml")));
    fake.enqueue(v2Error(404, 1002, "The requested resource or endpoint could not be found."));

    assertThat(server.users()).hasSize(2);
  }

  @Test
  void aRetiredSharesEndpointAsksForAnUpdate() {
    fake.enqueue(
        reply(410, "<Response code=\"410\" status=\"This endpoint was deprecated and removed\"/>"));

    assertThatThrownBy(server::users)
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RETIRED_ENDPOINT);
              assertThat(e.getMessage()).isEqualTo("Plex changed its API; update Usher.");
            });
  }

  @Test
  void malformedSharesAreAnUnexpectedResponse() {
    fake.enqueue(ok("<MediaContainer><SharedServer id=\"1\"></MediaContainer>"));

    assertThatThrownBy(server::users)
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE);
              assertThat(e.getMessage()).doesNotContain(TOKEN);
            });
  }

  @Test
  void plexTvCallsGoThroughTheProxyWhileTheServerIsCalledDirect() throws Exception {
    try (MockWebServer proxy = new MockWebServer()) {
      proxy.start();
      server =
          new PlexServer(
              fakes.http,
              "http://plex.tv.invalid",
              IDENTITY,
              connection(fake, proxy.url("/").toString()));
      fake.enqueue(ok(fixture("identity.xml")));
      proxy.enqueue(ok("{\"id\":1}"));

      server.test();

      assertThat(take(fake).getUrl().encodedPath()).isEqualTo("/identity");
      RecordedRequest viaProxy = take(proxy);
      assertThat(viaProxy.getRequestLine()).startsWith("GET http://plex.tv.invalid/api/v2/user");
      assertPlexHeaders(viaProxy);
    }
  }
}

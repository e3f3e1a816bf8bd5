package io.usher.media.plex;

import static io.usher.media.plex.PlexFakes.IDENTITY;
import static io.usher.media.plex.PlexFakes.TOKEN;
import static io.usher.media.plex.PlexFakes.assertPlexHeaders;
import static io.usher.media.plex.PlexFakes.body;
import static io.usher.media.plex.PlexFakes.connection;
import static io.usher.media.plex.PlexFakes.fixture;
import static io.usher.media.plex.PlexFakes.longs;
import static io.usher.media.plex.PlexFakes.ok;
import static io.usher.media.plex.PlexFakes.reply;
import static io.usher.media.plex.PlexFakes.take;
import static io.usher.media.plex.PlexFakes.v2Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.media.ShareRequest;
import io.usher.domain.media.ShareResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Inviting, changing and removing shares through plex.tv. */
class PlexSharingTest {
  static final ShareRequest ERIN =
      new ShareRequest(
          "erin@example.com", null, null, List.of("118181361", "118251661"), true, true, 2);
  static final RemoteUser ALICE =
      new RemoteUser(
          "1111",
          "alice",
          "alice@example.com",
          "30001",
          List.of("118181361"),
          false,
          false,
          null,
          null);

  final PlexFakes fakes = new PlexFakes();
  final MockWebServer plexTv = new MockWebServer();
  PlexServer server;

  @BeforeEach
  void start() throws IOException {
    plexTv.start();
    server =
        new PlexServer(fakes.http, plexTv.url("/").toString(), IDENTITY, connection(plexTv, null));
  }

  @AfterEach
  void stop() {
    plexTv.close();
  }

  @Test
  void sharingInvitesTheEmailThroughV2WithGlobalSectionIdsAndTheDownloadsFlag() throws Exception {
    plexTv.enqueue(ok(fixture("share_v2.json")));

    assertThat(server.share(ERIN)).isEqualTo(new ShareResult("5555", "erin", "30010", true, null));

    RecordedRequest request = take(plexTv);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v2/shared_servers");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertPlexHeaders(request);
    JsonNode sent = body(request);
    assertThat(sent.path("machineIdentifier").asString()).isEqualTo("abc123");
    assertThat(sent.path("invitedEmail").asString()).isEqualTo("erin@example.com");
    assertThat(longs(sent.path("librarySectionIds"))).containsExactly(118181361L, 118251661L);
    assertThat(sent.path("skipFriendship").asBoolean()).isTrue();
    JsonNode settings = sent.path("settings");
    assertThat(settings.path("allowSync").isBoolean()).isTrue();
    assertThat(settings.path("allowSync").asBoolean()).isTrue();
    assertThat(settings.path("allowChannels").asBoolean()).isFalse();
    assertThat(settings.path("filterMovies").asString()).isEmpty();
    assertThat(settings.has("filterAll")).isTrue();
  }

  @Test
  void anAcceptedShareIsNotPending() {
    plexTv.enqueue(
        ok(
            "{\"id\":30011,\"invitedId\":6666,\"accepted\":true,\"invited\":{\"username\":\"fay\"}}"));

    assertThat(server.share(ERIN)).isEqualTo(new ShareResult("6666", "fay", "30011", false, null));
  }

  @Test
  void whenV2IsNotFoundTheInviteGoesThroughV1() throws Exception {
    plexTv.enqueue(v2Error(404, 1002, "The requested resource or endpoint could not be found."));
    plexTv.enqueue(ok(fixture("share_v1.xml")));

    assertThat(server.share(ERIN)).isEqualTo(new ShareResult("4444", "dave", "30009", true, null));

    take(plexTv);
    RecordedRequest v1 = take(plexTv);
    assertThat(v1.getMethod()).isEqualTo("POST");
    assertThat(v1.getUrl().encodedPath()).isEqualTo("/api/servers/abc123/shared_servers");
    assertPlexHeaders(v1);
    JsonNode sent = body(v1);
    assertThat(sent.path("server_id").asString()).isEqualTo("abc123");
    assertThat(longs(sent.path("shared_server").path("library_section_ids")))
        .containsExactly(118181361L, 118251661L);
    assertThat(sent.path("shared_server").path("invited_email").asString())
        .isEqualTo("erin@example.com");
    assertThat(sent.path("sharing_settings").path("allowSync").asString()).isEqualTo("1");
  }

  @Test
  void v1SayingYoureAlreadySharingIsAlreadySharedInItsOwnWords() {
    plexTv.enqueue(v2Error(404, 1002, "The requested resource or endpoint could not be found."));
    plexTv.enqueue(
        reply(
            400,
            "<Response code=\"400\" status=\"You're already sharing this server with plexFriend."
                + " Please edit your existing share.\"/>"));

    assertThatThrownBy(() -> server.share(ERIN))
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.ALREADY_SHARED);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "erin@example.com already has a share on Plex server Tower (plex.tv:"
                          + " \"You're already sharing this server with plexFriend. Please edit"
                          + " your existing share.\"); change their libraries instead of inviting"
                          + " them again.");
            });
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "422 | 1020 | Sharing already exists for this user | ALREADY_SHARED",
        "422 | 0    | Unprocessable                         | ALREADY_SHARED",
        "422 | 1001 | Invalid token                         | UNAUTHORIZED",
        "400 | 1050 | You have reached the maximum number of shares | SERVER_FULL",
        "422 | 1051 | Share limit exceeded                  | SERVER_FULL",
        "400 | 1060 | Invalid email address                 | INVALID_ACCOUNT",
        "422 | 1061 | User is not a Plex account            | INVALID_ACCOUNT",
        "401 | 1001 | User could not be authenticated       | UNAUTHORIZED",
        "410 | 0    | Gone                                  | RETIRED_ENDPOINT",
        "500 | 0    | Internal error                        | UNREACHABLE",
        "503 | 0    | Service unavailable                   | UNREACHABLE",
        "400 | 1999 | Something else entirely               | REFUSED",
      })
  void refusalsOfAnInviteAreTyped(int status, int code, String message, Kind kind) {
    plexTv.enqueue(v2Error(status, code, message));

    assertThatThrownBy(() -> server.share(ERIN))
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.getMessage()).doesNotContain(TOKEN).endsWith(".");
            });
    assertThat(plexTv.getRequestCount()).as("no v1 fallback").isEqualTo(1);
  }

  @Test
  void aFullServerNamesTheServerAndWhatPlexTvSaid() {
    plexTv.enqueue(v2Error(400, 1050, "You have reached the maximum number of shares"));

    assertThatThrownBy(() -> server.share(ERIN))
        .hasMessage(
            "Plex server Tower cannot take more shares (plex.tv: \"You have reached the maximum"
                + " number of shares\"); remove a share first.");
  }

  @Test
  void anEmailThatIsNoPlexAccountSaysWhichEmail() {
    plexTv.enqueue(v2Error(400, 1060, "Invalid email address"));

    assertThatThrownBy(() -> server.share(ERIN))
        .hasMessage(
            "plex.tv does not accept erin@example.com as a Plex account (plex.tv: \"Invalid email"
                + " address\"); check the email or username.");
  }

  @Test
  void anyOtherRefusalQuotesPlexTv() {
    plexTv.enqueue(v2Error(400, 1999, "Something else entirely"));

    assertThatThrownBy(() -> server.share(ERIN))
        .hasMessage(
            "plex.tv refused inviting erin@example.com to Plex server Tower (HTTP 400:"
                + " \"Something else entirely\").");
  }

  @Test
  void aRetiredEndpointSaysPlexChangedItsApi() {
    plexTv.enqueue(
        reply(410, "<Response code=\"410\" status=\"This endpoint was deprecated and removed\"/>"));

    assertThatThrownBy(() -> server.share(ERIN))
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RETIRED_ENDPOINT);
              assertThat(e.getMessage()).isEqualTo("Plex changed its API; update Usher.");
            });
  }

  @Test
  void anInvalidTokenIn422IsUnauthorizedNotADuplicate() {
    plexTv.enqueue(reply(422, "{\"errors\":[{\"code\":1001,\"message\":\"Invalid token\"}]}"));

    assertThatThrownBy(() -> server.share(ERIN))
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "plex.tv refused the Plex token while inviting erin@example.com to Plex"
                          + " server Tower: sign in to Plex again in the server's settings.");
            });
  }

  @Test
  void aRateLimitIsWaitedOutForAsLongAsPlexTvAsks() {
    plexTv.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("").build());
    plexTv.enqueue(ok(fixture("share_v2.json")));

    assertThat(server.share(ERIN).shareId()).isEqualTo("30010");
    assertThat(fakes.waits).containsExactly(Duration.ofSeconds(7));
    assertThat(plexTv.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRateLimitThatDoesNotLiftIsRateLimited() {
    for (int i = 0; i < 4; i++) {
      plexTv.enqueue(
          new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("").build());
    }

    assertThatThrownBy(() -> server.share(ERIN))
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
              assertThat(e.passing()).isTrue();
            });
    assertThat(fakes.waits).hasSize(3);
  }

  @Test
  void plexTvNotAnsweringIsUnreachable() {
    plexTv.close();

    assertThatThrownBy(() -> server.share(ERIN))
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
              assertThat(e.getMessage()).startsWith("plex.tv did not answer").doesNotContain(TOKEN);
            });
  }

  @Test
  void localKeysAreRefusedBeforeAnythingIsSent() {
    ShareRequest withKeys =
        new ShareRequest("erin@example.com", null, null, List.of("movies"), false, true, 1);

    assertThatThrownBy(() -> server.share(withKeys)).isInstanceOf(IllegalArgumentException.class);
    assertThat(plexTv.getRequestCount()).isZero();
  }

  @Test
  void changingLibrariesSendsTheNewSectionsAndKeepsTheSharesFlags() throws Exception {
    plexTv.enqueue(ok(fixture("shared_servers.xml")));
    plexTv.enqueue(ok("{\"id\":30001}"));

    server.updateLibraries(ALICE, List.of("118251661"));

    RecordedRequest lookup = take(plexTv);
    assertThat(lookup.getUrl().encodedPath()).isEqualTo("/api/servers/abc123/shared_servers");
    RecordedRequest update = take(plexTv);
    assertThat(update.getMethod()).isEqualTo("POST");
    assertThat(update.getUrl().encodedPath()).isEqualTo("/api/v2/shared_servers/30001");
    assertPlexHeaders(update);
    JsonNode sent = body(update);
    assertThat(longs(sent.path("librarySectionIds"))).containsExactly(118251661L);
    assertThat(sent.path("settings").path("allowSync").asBoolean())
        .as("alice could download before, so she still can")
        .isTrue();
  }

  @Test
  void changingAccessSendsTheDownloadPermissionAndKeepsTheOtherFlags() throws Exception {
    plexTv.enqueue(ok(fixture("shared_servers.xml")));
    plexTv.enqueue(ok("{\"id\":30001}"));

    server.updateAccess(ALICE, List.of("118251661"), false);

    take(plexTv);
    RecordedRequest update = take(plexTv);
    assertThat(update.getUrl().encodedPath()).isEqualTo("/api/v2/shared_servers/30001");
    JsonNode sent = body(update);
    assertThat(longs(sent.path("librarySectionIds"))).containsExactly(118251661L);
    assertThat(sent.path("settings").path("allowSync").asBoolean())
        .as("alice could download, and her plan no longer allows it")
        .isFalse();
    assertThat(sent.path("settings").path("allowChannels").isBoolean()).isTrue();
    assertThat(sent.path("settings").path("allowCameraUpload").asBoolean()).isFalse();
  }

  @Test
  void changingLibrariesOfAShareThatIsGoneIsNotFound() {
    plexTv.enqueue(ok(fixture("shared_servers.xml")));
    plexTv.enqueue(v2Error(404, 1002, "not found"));

    assertThatThrownBy(() -> server.updateLibraries(ALICE, List.of("118251661")))
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
              assertThat(e.getMessage()).contains("alice", "Plex server Tower");
            });
  }

  @Test
  void anEmptyLibraryListIsRefusedBecausePlexWouldShareEverything() {
    assertThatThrownBy(() -> server.updateLibraries(ALICE, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(plexTv.getRequestCount()).isZero();
  }

  @Test
  void removingDeletesTheShareById() throws Exception {
    plexTv.enqueue(reply(204, ""));

    server.remove(ALICE);

    RecordedRequest request = take(plexTv);
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v2/shared_servers/30001");
    assertPlexHeaders(request);
  }

  @Test
  void removingAShareThatIsAlreadyGoneSucceeds() {
    plexTv.enqueue(v2Error(404, 1002, "not found"));

    server.remove(ALICE);

    assertThat(plexTv.getRequestCount()).isEqualTo(1);
  }

  @Test
  void removingWithARefusedTokenIsUnauthorized() {
    plexTv.enqueue(v2Error(401, 1001, "User could not be authenticated"));

    assertThatThrownBy(() -> server.remove(ALICE))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
  }
}

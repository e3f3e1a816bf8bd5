package io.usher.media.plex;

import static io.usher.media.plex.PlexFakes.IDENTITY;
import static io.usher.media.plex.PlexFakes.assertPlexHeaders;
import static io.usher.media.plex.PlexFakes.connection;
import static io.usher.media.plex.PlexFakes.fixture;
import static io.usher.media.plex.PlexFakes.ok;
import static io.usher.media.plex.PlexFakes.reply;
import static io.usher.media.plex.PlexFakes.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.media.ActiveStream;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import java.io.IOException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streams come from the server itself, never plex.tv. */
class PlexStreamsTest {
  final PlexFakes fakes = new PlexFakes();
  final MockWebServer pms = new MockWebServer();
  PlexServer server;

  @BeforeEach
  void start() throws IOException {
    pms.start();
    server = new PlexServer(fakes.http, "http://plex.tv.invalid", IDENTITY, connection(pms, null));
  }

  @AfterEach
  void stop() {
    pms.close();
  }

  @Test
  void streamsAreReadFromTheSessionsOfVideoAndMusic() throws Exception {
    pms.enqueue(ok(fixture("sessions.xml")));

    assertThat(server.streams())
        .containsExactly(
            new ActiveStream(
                "s3f9k2x0q1",
                "1111",
                "alice",
                "Living Room",
                "198.51.100.7",
                "transcode",
                "1080",
                "Show - Pilot",
                false),
            new ActiveStream(
                "k9x8y7",
                "1",
                "owner",
                "Plex for LG",
                "192.168.1.50",
                "directplay",
                "4k",
                "Big Movie",
                true),
            new ActiveStream(
                "m5n6o7",
                "2222",
                "bob",
                "Bob's phone",
                "203.0.113.77",
                "directplay",
                null,
                "Artist - Song",
                false));
    RecordedRequest request = take(pms);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/status/sessions");
    assertPlexHeaders(request);
  }

  @Test
  void anIdleServerHasNoStreams() {
    pms.enqueue(ok("<MediaContainer size=\"0\"/>"));

    assertThat(server.streams()).isEmpty();
  }

  @Test
  void aPlayerThatHasStoppedHoldsNoStream() {
    pms.enqueue(
        ok(
            "<MediaContainer size=\"1\"><Video title=\"Done\"><User id=\"1111\" title=\"alice\"/>"
                + "<Player state=\"stopped\" title=\"TV\"/><Session id=\"x1\"/></Video>"
                + "</MediaContainer>"));

    assertThat(server.streams()).isEmpty();
  }

  @Test
  void malformedSessionsAreAnUnexpectedResponse() {
    pms.enqueue(ok("<MediaContainer size=\"1\"><Video>"));

    assertThatThrownBy(server::streams)
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE));
  }

  @Test
  void stoppingAStreamTerminatesItsSessionWithTheMessage() throws Exception {
    pms.enqueue(reply(200, ""));

    server.stopStream("s3f9k2x0q1", "Your plan allows one stream.");

    RecordedRequest request = take(pms);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/status/sessions/terminate");
    assertThat(request.getUrl().queryParameter("sessionId")).isEqualTo("s3f9k2x0q1");
    assertThat(request.getUrl().queryParameter("reason")).isEqualTo("Your plan allows one stream.");
    assertPlexHeaders(request);
  }

  @Test
  void stoppingWithoutAMessageGivesTheViewerTheDefaultReason() throws Exception {
    pms.enqueue(reply(200, ""));

    server.stopStream("s3f9k2x0q1", null);

    assertThat(take(pms).getUrl().queryParameter("reason"))
        .isEqualTo("The server owner has ended the stream.");
  }

  @Test
  void stoppingWithoutPlexPassIsAFeatureTheOwnerLacks() {
    pms.enqueue(reply(401, "Server does not have the feature enabled"));

    assertThatThrownBy(() -> server.stopStream("s3f9k2x0q1", null))
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.FEATURE_UNAVAILABLE);
              assertThat(e.getMessage())
                  .isEqualTo("Stopping streams needs Plex Pass on the server owner's account.");
            });
  }

  @Test
  void stoppingAStreamThatEndedIsNotFound() {
    pms.enqueue(reply(404, "Session not found"));

    assertThatThrownBy(() -> server.stopStream("gone", null))
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
              assertThat(e.getMessage()).isEqualTo("That stream has already ended.");
            });
  }

  @Test
  void sessionsOfAServerThatRefusesTheTokenAreUnauthorized() {
    pms.enqueue(reply(401, "<html><head><title>Unauthorized</title></head></html>"));

    assertThatThrownBy(server::streams)
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
              assertThat(e.getMessage()).startsWith("Plex server Tower refused the token");
            });
  }
}

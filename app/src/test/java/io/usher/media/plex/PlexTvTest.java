package io.usher.media.plex;

import static io.usher.media.plex.PlexFakes.IDENTITY;
import static io.usher.media.plex.PlexFakes.TOKEN;
import static io.usher.media.plex.PlexFakes.assertPlexHeaders;
import static io.usher.media.plex.PlexFakes.fixture;
import static io.usher.media.plex.PlexFakes.ok;
import static io.usher.media.plex.PlexFakes.reply;
import static io.usher.media.plex.PlexFakes.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.PlexServerChoice;
import java.io.IOException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlexTvTest {
  final PlexFakes fakes = new PlexFakes();
  final MockWebServer plexTv = new MockWebServer();
  PlexTv tv;

  @BeforeEach
  void start() throws IOException {
    plexTv.start();
    tv = new PlexTv(fakes.http, plexTv.url("/").toString(), IDENTITY);
  }

  @AfterEach
  void stop() {
    plexTv.close();
  }

  @Test
  void listsOnlyOwnedServersWithADirectConnectionBeforeARelay() throws Exception {
    plexTv.enqueue(ok(fixture("resources.json")));

    assertThat(tv.servers(TOKEN, null))
        .containsExactly(
            new PlexServerChoice("Tower", "abc123", "http://192.168.1.200:32400", "1.41.0.8992"),
            new PlexServerChoice("Attic", "def456", "http://198.51.100.9:32400", "1.40.2"),
            new PlexServerChoice(
                "Behind CGNAT", "ghi789", "https://relay3.plex.direct:8443", "1.41.0"));
    RecordedRequest request = take(plexTv);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v2/resources");
    assertThat(request.getUrl().queryParameter("includeHttps")).isEqualTo("1");
    assertThat(request.getUrl().queryParameter("includeRelay")).isEqualTo("1");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertPlexHeaders(request);
  }

  @Test
  void aRefusedTokenIsReportedAsUnauthorized() {
    plexTv.enqueue(
        reply(
            401,
            "{\"errors\":[{\"code\":1001,\"message\":\"User could not be authenticated\",\"status\":401}]}"));

    assertThatThrownBy(() -> tv.servers(TOKEN, null))
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
              assertThat(e.getMessage())
                  .startsWith("plex.tv refused the Plex token")
                  .doesNotContain(TOKEN);
            });
  }

  @Test
  void anAnswerThatIsNotAListIsUnreadable() {
    plexTv.enqueue(ok("<html><body>Maintenance</body></html>"));

    assertThatThrownBy(() -> tv.servers(TOKEN, null))
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE));
  }

  @Test
  void anIdentityNeedsAStableClientId() {
    assertThatThrownBy(() -> new PlexIdentity(" ", "Usher", "0.1.0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void goesThroughTheAccountsProxy() throws Exception {
    try (MockWebServer proxy = new MockWebServer()) {
      proxy.start();
      proxy.enqueue(ok("[]"));
      PlexTv viaProxy = new PlexTv(fakes.http, "http://plex.tv.invalid", IDENTITY);

      assertThat(viaProxy.servers(TOKEN, proxy.url("/").toString())).isEmpty();

      RecordedRequest request = take(proxy);
      assertThat(request.getRequestLine())
          .startsWith("GET http://plex.tv.invalid/api/v2/resources?");
      assertPlexHeaders(request);
      assertThat(plexTv.getRequestCount()).isZero();
    }
  }
}

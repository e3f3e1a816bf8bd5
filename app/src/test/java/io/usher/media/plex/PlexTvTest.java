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
import io.usher.domain.media.PlexPin;
import io.usher.domain.media.PlexServerChoice;
import java.io.IOException;
import java.time.Duration;
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

  static final String PIN =
      """
      {"id":1234567890,"code":"wxq4bk2m9d7c","product":"Usher","trusted":false,
       "qr":"https://plex.tv/api/v2/pins/qr/wxq4bk2m9d7c","clientIdentifier":"usher-client-7f3a",
       "location":{"code":"NL","country":"Netherlands"},"expiresIn":1800,
       "createdAt":"2026-11-22T10:00:00Z","expiresAt":"2026-11-22T10:30:00Z",
       "authToken":%s,"newRegistration":null}""";

  @Test
  void signInAsksForAStrongPinAndSendsTheOwnerToPlexsAuthPageWithTheCode() throws Exception {
    plexTv.enqueue(reply(201, PIN.formatted("null")));

    PlexPin pin = tv.startSignIn("https://app.plex.tv/", null);

    assertThat(pin.id()).isEqualTo(1234567890L);
    assertThat(pin.code()).isEqualTo("wxq4bk2m9d7c");
    assertThat(pin.lifetime()).isEqualTo(Duration.ofMinutes(30));
    assertThat(pin.signInUrl())
        .isEqualTo(
            "https://app.plex.tv/auth#?clientID=usher-client-7f3a&code=wxq4bk2m9d7c"
                + "&context%5Bdevice%5D%5Bproduct%5D=Usher");
    RecordedRequest request = take(plexTv);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v2/pins");
    assertThat(request.getUrl().queryParameter("strong")).isEqualTo("true");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("X-Plex-Client-Identifier")).isEqualTo("usher-client-7f3a");
    assertThat(request.getHeaders().get("X-Plex-Product")).isEqualTo("Usher");
    assertThat(request.getHeaders().get("X-Plex-Token")).isNull();
  }

  @Test
  void aPinIsEmptyUntilConfirmedThenCarriesTheAccountsToken() throws Exception {
    PlexPin pin = new PlexPin(1234567890L, "wxq4bk2m9d7c", "u", Duration.ofMinutes(30));
    plexTv.enqueue(ok(PIN.formatted("null")));
    plexTv.enqueue(ok(PIN.formatted("\"" + TOKEN + "\"")));

    assertThat(tv.signInToken(pin, null)).isEmpty();
    assertThat(tv.signInToken(pin, null)).contains(TOKEN);
    RecordedRequest poll = take(plexTv);
    assertThat(poll.getMethod()).isEqualTo("GET");
    assertThat(poll.getUrl().encodedPath()).isEqualTo("/api/v2/pins/1234567890");
    assertThat(poll.getHeaders().get("X-Plex-Client-Identifier")).isEqualTo("usher-client-7f3a");
  }

  @Test
  void anExpiredPinSaysToStartAgain() {
    plexTv.enqueue(
        reply(
            404,
            "{\"errors\":[{\"code\":1020,\"message\":\"Code not found or expired\",\"status\":404}]}"));

    assertThatThrownBy(() -> tv.signInToken(new PlexPin(1, "c", "u", Duration.ofMinutes(30)), null))
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
              assertThat(e.getMessage())
                  .isEqualTo("The Plex sign-in code expired before it was confirmed: start again.");
            });
  }

  @Test
  void aPinAnswerWithoutACodeIsUnreadable() {
    plexTv.enqueue(reply(201, "{\"id\":5}"));

    assertThatThrownBy(() -> tv.startSignIn("https://app.plex.tv", null))
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE));
  }
}

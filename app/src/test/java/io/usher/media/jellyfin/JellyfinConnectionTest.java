package io.usher.media.jellyfin;

import static io.usher.media.jellyfin.JellyfinBodies.SERVER_ID;
import static io.usher.media.jellyfin.JellyfinBodies.SYSTEM_INFO;
import static io.usher.media.mediabrowser.FakeMediaBrowser.line;
import static io.usher.media.mediabrowser.FakeMediaBrowser.ok;
import static io.usher.media.mediabrowser.FakeMediaBrowser.take;
import static io.usher.media.mediabrowser.FakeMediaBrowser.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.ServerConnection;
import io.usher.domain.media.ServerInfo;
import io.usher.domain.media.ServerKind;
import io.usher.media.mediabrowser.FakeMediaBrowser;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class JellyfinConnectionTest {
  static final String KEY = "3a5c9e1f7b2d4608a1c3e5f7092b4d6f";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeMediaBrowser fake = new FakeMediaBrowser();

  JellyfinServer den(String url) {
    return new JellyfinServer(
        fake.http,
        new ServerConnection(ServerKind.JELLYFIN, "Den", url, KEY, null, null),
        "usher-7f3e",
        "1.4.0");
  }

  JellyfinServer den() {
    return den(server.url("/").toString());
  }

  @Test
  void aConnectionTestReadsNameVersionAndIdWithTheMediaBrowserAuthorizationHeader()
      throws Exception {
    server.enqueue(ok(SYSTEM_INFO));

    ServerInfo info = den().test();

    assertThat(info).isEqualTo(new ServerInfo("Den", "10.11.2", SERVER_ID));
    RecordedRequest request = take(server);
    assertThat(line(request)).isEqualTo("GET /System/Info");
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(
            "MediaBrowser Token=\""
                + KEY
                + "\", Client=\"Usher\", Device=\"Usher\","
                + " DeviceId=\"usher-7f3e\", Version=\"1.4.0\"");
    assertThat(request.getHeaders().get("X-Emby-Token")).isNull();
    assertThat(request.getUrl().toString()).doesNotContain(KEY);
  }

  @Test
  void aBaseUrlPathIsKeptAndTrailingSlashesDropped() throws Exception {
    server.enqueue(ok(SYSTEM_INFO));

    den(server.url("/jellyfin//").toString()).test();

    assertThat(line(take(server))).isEqualTo("GET /jellyfin/System/Info");
  }

  @Test
  void aRefusedKeyIsUnauthorizedAndTheMessageNamesTheServerNotTheKey() {
    server.enqueue(text(401, ""));

    assertThatThrownBy(() -> den().test())
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
        .hasMessageStartingWith("Jellyfin server Den refused the API key: ")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void aServerErrorIsUnreachableAndWorthRetrying() {
    server.enqueue(text(500, "Internal Server Error"));

    assertThatThrownBy(() -> den().test())
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
              assertThat(e.passing()).isTrue();
            })
        .hasMessageContaining("Jellyfin server Den failed (HTTP 500)");
  }

  @Test
  void aServerThatIsNotRunningIsUnreachable() throws Exception {
    MockWebServer gone = new MockWebServer();
    String url;
    try (gone) {
      gone.start(0);
      url = gone.url("/").toString();
    }

    assertThatThrownBy(() -> den(url).test())
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
        .hasMessageStartingWith("Jellyfin server Den did not answer at http://")
        .hasMessageContaining("(nothing accepted the connection): check the address")
        .hasMessageNotContaining("Exception")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void malformedJsonIsAnUnexpectedResponse() {
    server.enqueue(ok("{\"ServerName\":\"Den\","));

    assertThatThrownBy(() -> den().test())
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE))
        .hasMessageStartingWith("Jellyfin server Den sent an answer Usher cannot read");
  }

  @Test
  void anAnswerWithoutTheServerIdIsAnUnexpectedResponse() {
    server.enqueue(ok("{\"ServerName\":\"Den\",\"Version\":\"10.11.2\"}"));

    assertThatThrownBy(() -> den().test())
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE));
  }

  @Test
  void anHtmlPageInsteadOfTheApiIsAnUnexpectedResponse() {
    server.enqueue(text(200, "<!DOCTYPE html><html><body>Jellyfin</body></html>"));

    assertThatThrownBy(() -> den().test())
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE));
  }

  @Test
  void anAddressWithoutSchemeIsReadAsHttp() throws Exception {
    server.enqueue(ok(SYSTEM_INFO));

    den(server.getHostName() + ":" + server.getPort()).test();

    assertThat(line(take(server))).isEqualTo("GET /System/Info");
  }
}

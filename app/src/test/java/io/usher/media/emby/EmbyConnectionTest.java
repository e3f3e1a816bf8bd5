package io.usher.media.emby;

import static io.usher.media.emby.EmbyBodies.SERVER_ID;
import static io.usher.media.emby.EmbyBodies.SYSTEM_INFO;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbyConnectionTest {
  static final String KEY = "0f9e8d7c6b5a49382716a5b4c3d2e1f0";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeMediaBrowser fake = new FakeMediaBrowser();

  EmbyServer attic(String path) {
    return new EmbyServer(
        fake.http,
        new ServerConnection(
            ServerKind.EMBY, "Attic", server.url(path).toString(), KEY, null, null),
        "usher-7f3e",
        "1.4.0");
  }

  @Test
  void aConnectionTestSendsTheKeyAsXEmbyTokenUnderTheEmbyPrefix() throws Exception {
    server.enqueue(ok(SYSTEM_INFO));

    ServerInfo info = attic("/").test();

    assertThat(info).isEqualTo(new ServerInfo("Attic", "4.8.11.0", SERVER_ID));
    RecordedRequest request = take(server);
    assertThat(line(request)).isEqualTo("GET /emby/System/Info");
    assertThat(request.getHeaders().get("X-Emby-Token")).isEqualTo(KEY);
    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getUrl().toString()).doesNotContain(KEY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/emby", "/emby/", "/EMBY//", ""})
  void anAddressAlreadyEndingInEmbyGetsThePrefixOnlyOnce(String path) throws Exception {
    server.enqueue(ok(SYSTEM_INFO));

    attic(path).test();

    assertThat(line(take(server))).isEqualTo("GET /emby/System/Info");
  }

  @Test
  void aReverseProxyPathIsKeptBeforeThePrefix() throws Exception {
    server.enqueue(ok(SYSTEM_INFO));

    attic("/media/emby/").test();

    assertThat(line(take(server))).isEqualTo("GET /media/emby/System/Info");
  }

  @Test
  void aRefusedKeyIsUnauthorizedAndNamesTheServer() {
    server.enqueue(text(401, "Access token is invalid or expired."));

    assertThatThrownBy(() -> attic("/").test())
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
        .hasMessageStartingWith("Emby server Attic refused the API key: ")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void aServerErrorIsUnreachable() {
    server.enqueue(text(503, ""));

    assertThatThrownBy(() -> attic("/").test())
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
        .hasMessageStartingWith("Emby server Attic failed (HTTP 503)");
  }

  @Test
  void anXmlAnswerIsAnUnexpectedResponse() {
    server.enqueue(text(200, "<SystemInfo><ServerName>Attic</ServerName></SystemInfo>"));

    assertThatThrownBy(() -> attic("/").test())
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE))
        .hasMessageStartingWith("Emby server Attic sent an answer Usher cannot read");
  }
}

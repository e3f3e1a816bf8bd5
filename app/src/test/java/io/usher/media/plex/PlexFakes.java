package io.usher.media.plex;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.domain.media.ServerConnection;
import io.usher.domain.media.ServerKind;
import io.usher.http.Http;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/** What the Plex tests share: an Http that records its waits, fixtures, and request checks. */
final class PlexFakes {
  static final String TOKEN = "owner-token-Zx9";
  static final String MACHINE = "abc123";
  static final PlexIdentity IDENTITY = new PlexIdentity("usher-client-7f3a", "Usher", "0.1.0");
  static final JsonMapper JSON = JsonMapper.builder().build();

  final List<Duration> waits = new ArrayList<>();
  final Http http =
      new Http(
          new OkHttpClient.Builder().build(),
          JSON,
          XmlMapper.builder().build(),
          waits::add,
          new Random(1));

  static ServerConnection connection(MockWebServer pms, String proxyUrl) {
    return new ServerConnection(
        ServerKind.PLEX, "Tower", pms.url("/").toString(), TOKEN, MACHINE, proxyUrl);
  }

  static String fixture(String name) {
    try (InputStream in = PlexFakes.class.getResourceAsStream("/fixtures/plex/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MockResponse ok(String body) {
    return reply(200, body);
  }

  static MockResponse reply(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  static MockResponse v2Error(int status, int code, String message) {
    return reply(
        status,
        "{\"errors\":[{\"code\":"
            + code
            + ",\"message\":\""
            + message
            + "\",\"status\":"
            + status
            + "}]}");
  }

  static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the fake server").isNotNull();
    return request;
  }

  /** Every Plex request identifies Usher and carries the token in a header, never the URL. */
  static void assertPlexHeaders(RecordedRequest request) {
    assertThat(request.getHeaders().get("X-Plex-Token")).isEqualTo(TOKEN);
    assertThat(request.getHeaders().get("X-Plex-Client-Identifier")).isEqualTo("usher-client-7f3a");
    assertThat(request.getHeaders().get("X-Plex-Product")).isEqualTo("Usher");
    assertThat(request.getHeaders().get("X-Plex-Version")).isEqualTo("0.1.0");
    assertThat(request.getHeaders().get("X-Plex-Device-Name")).isEqualTo("Usher");
    assertThat(request.getHeaders().get("X-Plex-Platform")).isNotBlank();
    assertThat(request.getRequestLine()).doesNotContain(TOKEN);
  }

  static JsonNode body(RecordedRequest request) {
    assertThat(request.getBody()).isNotNull();
    return JSON.readTree(request.getBody().utf8());
  }

  static List<Long> longs(JsonNode array) {
    assertThat(array.isArray()).as(array + " is an array").isTrue();
    List<Long> values = new ArrayList<>();
    for (JsonNode value : array.values()) {
      assertThat(value.isIntegralNumber()).as(value + " is sent as a number").isTrue();
      values.add(value.asLong());
    }
    return values;
  }
}

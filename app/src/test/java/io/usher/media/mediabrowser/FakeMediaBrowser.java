package io.usher.media.mediabrowser;

import io.usher.http.Http;
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

/** What Jellyfin and Emby tests share: the real Http layer, canned answers, sent requests. */
public final class FakeMediaBrowser {
  public static final JsonMapper JSON = JsonMapper.builder().build();

  public final List<Duration> sleeps = new ArrayList<>();
  public final Http http =
      new Http(
          new OkHttpClient.Builder().build(),
          JsonMapper.builder().build(),
          XmlMapper.builder().build(),
          sleeps::add,
          new Random(1));

  public static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .body(body)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .build();
  }

  public static MockResponse ok(String body) {
    return json(200, body);
  }

  public static MockResponse text(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .body(body)
        .addHeader("Content-Type", "text/plain; charset=utf-8")
        .build();
  }

  public static MockResponse empty(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  public static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("Usher sent no further request");
    }
    return request;
  }

  public static JsonNode body(RecordedRequest request) {
    return JSON.readTree(request.getBody() == null ? "" : request.getBody().utf8());
  }

  /** "GET /emby/Users/Query" – the method and path (no query) Usher sent. */
  public static String line(RecordedRequest request) {
    return request.getMethod() + " " + request.getUrl().encodedPath();
  }
}

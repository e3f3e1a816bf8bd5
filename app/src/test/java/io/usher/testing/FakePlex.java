package io.usher.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * plex.tv and one Plex Media Server ("Tower", machine abc123) on one local MockWebServer, answering
 * with the reference's wire shapes from test/resources/fixtures/plex. Point {@code plex.tv-url} at
 * {@link #url()}: the resources list sends Usher back to the same server.
 */
public final class FakePlex extends Dispatcher {
  public static final String TOKEN = "owner-token-Zx9";
  private final MockWebServer server;
  public volatile String sharedServers = fixture("shared_servers.xml");

  /** What the server's shared_servers list answers: 200, or a failure status (Plex is down). */
  public volatile int sharedServersStatus = 200;

  /** What POST /api/v2/shared_servers answers: 201 with a share, or a failure status. */
  public volatile int shareStatus = 201;

  /** Sign in with Plex: how many polls of the pin find it not yet confirmed. */
  public volatile int pinWaits = 1;

  private final java.util.concurrent.atomic.AtomicInteger pinPolls =
      new java.util.concurrent.atomic.AtomicInteger();

  public FakePlex(MockWebServer server) {
    this.server = server;
    server.setDispatcher(this);
  }

  public String url() {
    return server.url("/").toString().replaceAll("/$", "");
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String pins = "/api/v2/pins";
    if (request.getUrl().encodedPath().startsWith(pins)) {
      return pin(request);
    }
    if (!TOKEN.equals(request.getHeaders().get("X-Plex-Token"))) {
      return reply(401, "<html><head><title>Unauthorized</title></head></html>");
    }
    String path = request.getUrl().encodedPath();
    return switch (path) {
      case "/api/v2/resources" ->
          reply(
              200,
              "[{\"name\":\"Tower\",\"product\":\"Plex Media Server\",\"productVersion\":\"1.41.0\","
                  + "\"clientIdentifier\":\"abc123\",\"provides\":\"server\",\"owned\":true,"
                  + "\"connections\":[{\"protocol\":\"http\",\"uri\":\""
                  + url()
                  + "\",\"local\":true,\"relay\":false}]}]");
      case "/api/v2/user" ->
          reply(200, "{\"id\":1,\"username\":\"owner\",\"email\":\"owner@example.com\"}");
      case "/identity" -> reply(200, fixture("identity.xml"));
      case "/api/servers/abc123" -> reply(200, fixture("server.xml"));
      case "/api/servers/abc123/shared_servers" ->
          sharedServersStatus == 200
              ? reply(200, sharedServers)
              : reply(sharedServersStatus, "<html><body>Service Unavailable</body></html>");
      case "/api/v2/shared_servers/invites/owned/pending" -> reply(200, "[]");
      case "/api/v2/shared_servers" ->
          shareStatus == 201
              ? reply(201, fixture("share_v2.json"))
              : reply(
                  shareStatus,
                  "{\"errors\":[{\"code\":0,\"message\":\"unavailable\",\"status\":"
                      + shareStatus
                      + "}]}");
      default ->
          reply(404, "{\"errors\":[{\"code\":1002,\"message\":\"not found\",\"status\":404}]}");
    };
  }

  /** The PIN flow (api-facts 1.2): no token needed; the pin carries it once confirmed. */
  private MockResponse pin(RecordedRequest request) {
    String confirmed =
        request.getMethod().equals("GET") && pinPolls.getAndIncrement() >= pinWaits
            ? "\"" + TOKEN + "\""
            : "null";
    return reply(
        request.getMethod().equals("POST") ? 201 : 200,
        "{\"id\":4242,\"code\":\"q8k2m7x4p3\",\"product\":\"Usher\",\"trusted\":false,"
            + "\"clientIdentifier\":\""
            + request.getHeaders().get("X-Plex-Client-Identifier")
            + "\",\"expiresIn\":1800,\"createdAt\":\"2026-11-22T10:00:00Z\","
            + "\"expiresAt\":\"2026-11-22T10:30:00Z\",\"authToken\":"
            + confirmed
            + ",\"newRegistration\":null}");
  }

  private static MockResponse reply(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  public static String fixture(String name) {
    try (InputStream in = FakePlex.class.getResourceAsStream("/fixtures/plex/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.usher.media.seerr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.seerr.SeerrException;
import io.usher.domain.seerr.SeerrUser;
import io.usher.http.Http;
import java.io.IOException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/** The Seerr adapter on the wire, against a fake Seerr answering in seerr-api.yml's shapes. */
class SeerrClientTest {
  static final String KEY = "c2VlcnIta2V5LTEyMzQ=";

  final MockWebServer api = new MockWebServer();
  final List<Duration> waits = new ArrayList<>();
  final Http http =
      new Http(
          new OkHttpClient.Builder().build(),
          JsonMapper.builder().build(),
          XmlMapper.builder().build(),
          waits::add,
          new Random(1));
  String base;
  String key = KEY;
  SeerrClient seerr;

  @BeforeEach
  void start() throws IOException {
    api.start();
    base = api.url("/").toString();
    seerr = new SeerrClient(http, () -> base, () -> key);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theTestReadsOnePageOfUsersWithTheKeyInItsHeader() throws Exception {
    api.enqueue(json(200, page(12, user(1, "owner@example.com", 2))));

    assertThat(seerr.test()).isEqualTo("Seerr answers: 12 users.");

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/user");
    assertThat(request.getUrl().queryParameter("take")).isEqualTo("1");
    assertThat(request.getHeaders().get("X-Api-Key")).isEqualTo(KEY);
  }

  @Test
  void theAddressMayBeGivenWithOrWithoutTheApiPath() throws Exception {
    for (String typed :
        List.of(
            api.url("/").toString(),
            api.url("/api/v1").toString(),
            api.url("/api/v1/").toString(),
            api.url("/seerr").toString())) {
      base = typed;
      api.enqueue(json(200, page(0)));
      seerr.test();
      String expected = typed.contains("seerr") ? "/seerr/api/v1/user" : "/api/v1/user";
      assertThat(take().getUrl().encodedPath()).as(typed).isEqualTo(expected);
    }
  }

  @Test
  void aRefusedKeyIsOneSentenceWithoutTheKey() {
    api.enqueue(json(403, "{\"message\":\"You do not have permission to access this endpoint\"}"));

    assertThatThrownBy(() -> seerr.test())
        .isInstanceOf(SeerrException.class)
        .hasMessageStartingWith("Seerr refused the API key while checking the API key: ")
        .hasMessageNotContaining(KEY)
        .extracting(e -> ((SeerrException) e).passing())
        .isEqualTo(false);
  }

  @Test
  void noKeyOrNoAddressIsRefusedBeforeCallingSeerr() {
    key = " ";
    assertThat(seerr.configured()).isFalse();
    assertThatThrownBy(() -> seerr.test())
        .hasMessage("Seerr is not set up: set seerr.api-key first.");
    key = KEY;
    base = "";
    assertThat(seerr.configured()).isFalse();
    assertThatThrownBy(() -> seerr.delete(3))
        .hasMessage("Seerr is not set up: set seerr.url first.");
    assertThat(api.getRequestCount()).isZero();
  }

  @Test
  void aPlexUserIsImportedByTheirPlexTvIdAndTheMadeAccountIsRead() throws Exception {
    api.enqueue(json(201, "[" + user(9, "alice@example.com", 32) + "]"));

    List<SeerrUser> made = seerr.importFromPlex(List.of("1111"));

    assertThat(made)
        .containsExactly(new SeerrUser(9, "alice@example.com", "alice", "alice", false));
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/user/import-from-plex");
    assertThat(request.getBody().string(StandardCharsets.UTF_8))
        .isEqualTo("{\"plexIds\":[\"1111\"]}");
  }

  @Test
  void anEmptyListIsNeverSentBecauseSeerrWouldImportEveryone() {
    assertThat(seerr.importFromJellyfin(List.of())).isEmpty();
    assertThat(api.getRequestCount()).isZero();
  }

  @Test
  void findingAUserReadsPageAfterPageUntilTheLastAndMatchesTheEmailInAnyCase() throws Exception {
    StringBuilder full = new StringBuilder();
    for (int i = 0; i < SeerrClient.PAGE; i++) {
      full.append(i == 0 ? "" : ",").append(user(100 + i, "u" + i + "@example.com", 32));
    }
    api.enqueue(json(200, page(101, full.toString())));
    api.enqueue(json(200, page(101, user(300, "Alice@Example.com", 32))));

    assertThat(seerr.find("alice@example.com", "alice-jf")).map(SeerrUser::id).hasValue(300L);
    assertThat(take().getUrl().queryParameter("skip")).isEqualTo("0");
    assertThat(take().getUrl().queryParameter("skip")).isEqualTo("100");
  }

  @Test
  void seerrsOwnerAndAdminsAreMarkedSo() {
    api.enqueue(
        json(200, page(2, user(1, "owner@example.com", 0) + "," + user(5, "ad@example.com", 2))));
    api.enqueue(
        json(200, page(2, user(1, "owner@example.com", 0) + "," + user(5, "ad@example.com", 2))));

    assertThat(seerr.find("owner@example.com", null)).map(SeerrUser::admin).hasValue(true);
    assertThat(seerr.find("ad@example.com", null)).map(SeerrUser::admin).hasValue(true);
  }

  @Test
  void removingAnAccountSeerrNoLongerHasIsNotAFailure() throws Exception {
    api.enqueue(json(200, user(9, "alice@example.com", 32)));
    api.enqueue(json(404, "{\"message\":\"User not found.\"}"));

    assertThat(seerr.delete(9)).isTrue();
    assertThat(seerr.delete(9)).isFalse();
    assertThat(take().getMethod()).isEqualTo("DELETE");
    assertThat(take().getUrl().encodedPath()).isEqualTo("/api/v1/user/9");
  }

  @Test
  void anOutageIsWorthRetryingAndSaysSo() {
    api.enqueue(json(500, "{\"message\":\"Something went wrong.\"}"));

    assertThatThrownBy(() -> seerr.importFromJellyfin(List.of("jf-1")))
        .isInstanceOf(SeerrException.class)
        .hasMessage(
            "Seerr failed (HTTP 500) while importing a Jellyfin or Emby user; Usher tries again.")
        .extracting(e -> ((SeerrException) e).passing())
        .isEqualTo(true);
  }

  @Test
  void somethingThatIsNotSeerrIsNamedAsSuch() {
    api.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "text/html")
            .body("<html>router login</html>")
            .build());

    assertThatThrownBy(() -> seerr.test())
        .hasMessageStartingWith(
            "Seerr sent an answer Usher cannot read while checking the API key");
  }

  private RecordedRequest take() throws InterruptedException {
    return api.takeRequest(5, TimeUnit.SECONDS);
  }

  private static String page(int total, String... users) {
    return "{\"pageInfo\":{\"pages\":1,\"pageSize\":100,\"results\":"
        + total
        + ",\"page\":1},\"results\":["
        + String.join(",", users)
        + "]}";
  }

  private static String user(long id, String email, int permissions) {
    String name = email.substring(0, email.indexOf('@')).toLowerCase(java.util.Locale.ROOT);
    return "{\"id\":"
        + id
        + ",\"email\":\""
        + email
        + "\",\"username\":\""
        + name
        + "\",\"plexUsername\":\""
        + name
        + "\",\"userType\":1,\"permissions\":"
        + permissions
        + ",\"avatar\":\"/os_logo_square.png\",\"createdAt\":\"2026-11-22T10:00:00.000Z\","
        + "\"updatedAt\":\"2026-11-22T10:00:00.000Z\",\"requestCount\":0}";
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }
}

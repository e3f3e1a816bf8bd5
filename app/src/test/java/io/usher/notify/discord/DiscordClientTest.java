package io.usher.notify.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.notify.Discord.DmResult;
import io.usher.domain.notify.Discord.MemberResult;
import io.usher.domain.notify.DiscordException;
import io.usher.http.Http;
import java.io.IOException;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/** The Discord adapter on the wire, against a fake Discord. */
class DiscordClientTest {
  static final String TOKEN = "MTA5.bot-token.Zx9";
  static final JsonMapper JSON = JsonMapper.builder().build();

  final MockWebServer api = new MockWebServer();
  final List<Duration> waits = new ArrayList<>();
  final Http http =
      new Http(
          new OkHttpClient.Builder().build(),
          JSON,
          XmlMapper.builder().build(),
          waits::add,
          new Random(1));
  String token = TOKEN;
  DiscordClient discord;

  @BeforeEach
  void start() throws IOException {
    api.start();
    String base = api.url("/api/v10").toString();
    discord = new DiscordClient(http, () -> base, () -> token);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theTestAsksWhoTheBotIsWithTheBotTokenAndReturnsItsName() throws Exception {
    api.enqueue(reply(200, "{\"id\":\"111\",\"username\":\"Usher Bot\",\"bot\":true}"));

    assertThat(discord.test()).isEqualTo("Usher Bot");

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v10/users/@me");
    assertDiscordHeaders(request);
  }

  @Test
  void aRefusedTokenIsOneSentenceWithoutTheToken() {
    api.enqueue(reply(401, "{\"message\":\"401: Unauthorized\",\"code\":0}"));

    assertThatThrownBy(() -> discord.test())
        .isInstanceOf(DiscordException.class)
        .hasMessageStartingWith("Discord refused the bot token: ")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void noTokenIsRefusedBeforeCallingDiscord() {
    token = " ";

    assertThatThrownBy(() -> discord.test())
        .isInstanceOf(DiscordException.class)
        .hasMessageContaining("not set up");
    assertThat(api.getRequestCount()).isZero();
  }

  @Test
  void aDirectMessageOpensTheChannelThenPostsTheText() throws Exception {
    api.enqueue(reply(200, "{\"id\":\"777\",\"type\":1}"));
    api.enqueue(reply(200, "{\"id\":\"888\",\"channel_id\":\"777\"}"));

    assertThat(discord.dm("222333444555", "**Hello**\n\nWelcome")).isEqualTo(DmResult.SENT);

    RecordedRequest open = take();
    assertThat(open.getMethod()).isEqualTo("POST");
    assertThat(open.getUrl().encodedPath()).isEqualTo("/api/v10/users/@me/channels");
    assertThat(body(open).path("recipient_id").asString()).isEqualTo("222333444555");
    assertDiscordHeaders(open);
    RecordedRequest post = take();
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(post.getUrl().encodedPath()).isEqualTo("/api/v10/channels/777/messages");
    assertThat(body(post).path("content").asString()).isEqualTo("**Hello**\n\nWelcome");
    assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
    assertDiscordHeaders(post);
  }

  @Test
  void aLongMessageIsClippedToDiscordsLimit() throws Exception {
    api.enqueue(reply(200, "{\"id\":\"777\"}"));
    api.enqueue(reply(200, "{\"id\":\"888\"}"));

    discord.dm("222333444555", "x".repeat(3000));

    take();
    assertThat(body(take()).path("content").asString()).hasSize(DiscordClient.MAX_CONTENT);
  }

  @Test
  void closedDirectMessagesAreAnOutcomeNotAFailure() {
    api.enqueue(reply(200, "{\"id\":\"777\"}"));
    api.enqueue(reply(403, "{\"message\":\"Cannot send messages to this user\",\"code\":50007}"));

    assertThat(discord.dm("222333444555", "Hi")).isEqualTo(DmResult.DMS_CLOSED);
  }

  @Test
  void aRateLimitIsWaitedOutForTheTimeInTheBodyThenSucceeds() throws Exception {
    api.enqueue(
        reply(
            429,
            "{\"message\":\"You are being rate limited.\",\"retry_after\":1.25,\"global\":false}"));
    api.enqueue(new MockResponse.Builder().code(204).build());

    assertThat(discord.addRole("900", "222333444555", "555")).isEqualTo(MemberResult.DONE);

    assertThat(waits).containsExactly(Duration.ofMillis(1250));
    assertThat(api.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRetryAfterHeaderWinsOverTheBody() {
    api.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "3")
            .addHeader("X-RateLimit-Scope", "user")
            .body("{\"retry_after\":2.5}")
            .build());
    api.enqueue(new MockResponse.Builder().code(204).build());

    discord.removeRole("900", "222333444555", "555");

    assertThat(waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void rolesAreGivenAndTakenOnTheMembersRolePath() throws Exception {
    api.enqueue(new MockResponse.Builder().code(204).build());
    api.enqueue(new MockResponse.Builder().code(204).build());

    assertThat(discord.addRole("900", "222333444555", "555")).isEqualTo(MemberResult.DONE);
    assertThat(discord.removeRole("900", "222333444555", "556")).isEqualTo(MemberResult.DONE);

    RecordedRequest put = take();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getUrl().encodedPath())
        .isEqualTo("/api/v10/guilds/900/members/222333444555/roles/555");
    assertThat(put.getHeaders().get("X-Audit-Log-Reason")).isNotBlank();
    assertDiscordHeaders(put);
    RecordedRequest delete = take();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getUrl().encodedPath())
        .isEqualTo("/api/v10/guilds/900/members/222333444555/roles/556");
    assertDiscordHeaders(delete);
  }

  @Test
  void aKickDeletesTheMember() throws Exception {
    api.enqueue(new MockResponse.Builder().code(204).build());

    assertThat(discord.kick("900", "222333444555")).isEqualTo(MemberResult.DONE);

    RecordedRequest kick = take();
    assertThat(kick.getMethod()).isEqualTo("DELETE");
    assertThat(kick.getUrl().encodedPath()).isEqualTo("/api/v10/guilds/900/members/222333444555");
    assertDiscordHeaders(kick);
  }

  @Test
  void anUnknownMemberIsNotInTheServer() {
    api.enqueue(reply(404, "{\"message\":\"Unknown Member\",\"code\":10007}"));
    api.enqueue(reply(404, "{\"message\":\"Unknown Member\",\"code\":10007}"));

    assertThat(discord.addRole("900", "222333444555", "555")).isEqualTo(MemberResult.NOT_IN_SERVER);
    assertThat(discord.kick("900", "222333444555")).isEqualTo(MemberResult.NOT_IN_SERVER);
  }

  @Test
  void anUnknownRoleAndMissingPermissionsNameWhatToFix() {
    api.enqueue(reply(404, "{\"message\":\"Unknown Role\",\"code\":10011}"));
    api.enqueue(reply(403, "{\"message\":\"Missing Permissions\",\"code\":50013}"));

    assertThatThrownBy(() -> discord.addRole("900", "222333444555", "555"))
        .isInstanceOfSatisfying(DiscordException.class, e -> assertThat(e.passing()).isFalse())
        .hasMessageContaining("discord.subscriber-role");
    assertThatThrownBy(() -> discord.addRole("900", "222333444555", "555"))
        .hasMessageContaining("Manage Roles");
  }

  @Test
  void anOutageIsWorthRetrying() {
    api.enqueue(reply(502, "<html>Bad gateway</html>"));

    assertThatThrownBy(() -> discord.kick("900", "222333444555"))
        .isInstanceOfSatisfying(DiscordException.class, e -> assertThat(e.passing()).isTrue());
  }

  @Test
  void anIdThatIsNotASnowflakeNeverReachesThePath() {
    assertThatThrownBy(() -> discord.addRole("900/../../x", "222333444555", "555"))
        .isInstanceOf(DiscordException.class)
        .hasMessageContaining("not a Discord");
    assertThat(api.getRequestCount()).isZero();
  }

  private void assertDiscordHeaders(RecordedRequest request) {
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bot " + TOKEN);
    assertThat(request.getHeaders().get("User-Agent"))
        .isEqualTo("DiscordBot (https://usher.invalid, 0.1)");
    assertThat(request.getRequestLine()).doesNotContain(TOKEN);
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = api.takeRequest(2, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the fake Discord").isNotNull();
    return request;
  }

  private static JsonNode body(RecordedRequest request) {
    assertThat(request.getBody()).isNotNull();
    return JSON.readTree(request.getBody().utf8());
  }

  static MockResponse reply(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}

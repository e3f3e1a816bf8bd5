package io.usher.application.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.app.AppContext;
import io.usher.domain.common.ValidationException;
import io.usher.domain.notify.DiscordException;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.notify.MailTemplate;
import io.usher.domain.outbox.Payload;
import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Direct messages from the mail templates, queued in the outbox and sent to a fake Discord. */
class DiscordServiceTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final String TOKEN = "bot-token-secret-1234";
  static final String ALEX = "222333444555";

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final MockWebServer discord = new MockWebServer();
  AppContext usher;

  @BeforeEach
  void open() throws IOException {
    discord.start();
    usher = new AppContext(dataDir, clock, s -> new FakeMediaServers());
    usher.settings().set("discord.api-url", discord.url("/api/v10").toString());
    usher.settings().set("discord.bot-token", TOKEN);
    usher.settings().set("discord.guild-id", "900100");
    usher.settings().set("checkout.public-url", "https://shop.example.com");
  }

  @AfterEach
  void close() {
    usher.close();
    discord.close();
  }

  @Test
  void aQueuedMessageIsSentByTheOutboxAsTheTemplatesSubjectInBoldThenItsText() throws Exception {
    usher
        .mail()
        .save(
            new MailTemplate(
                MailEvent.WELCOME_PLEX,
                "Welcome to {server}",
                "Hi {name}, renew at {checkout_url}"));
    User alex =
        usher
            .users()
            .create(new UserSpec("alex@example.com", "Alex", false, false, null, ALEX, null, null));

    assertThat(usher.discord().queue(MailEvent.WELCOME_PLEX, alex, Map.of("server", "Tower")))
        .isTrue();
    assertThat(usher.outbox().pending())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo("discord");
              assertThat(Payload.decode(item.payload())).containsEntry("discord_id", ALEX);
            });
    assertThat(discord.getRequestCount()).isZero();

    discord.enqueue(json(200, "{\"id\":\"777\"}"));
    discord.enqueue(json(200, "{\"id\":\"888\"}"));
    assertThat(usher.outbox().runDue()).isEqualTo(1);

    RecordedRequest open = take();
    assertThat(open.getUrl().encodedPath()).isEqualTo("/api/v10/users/@me/channels");
    assertThat(open.getHeaders().get("Authorization")).isEqualTo("Bot " + TOKEN);
    RecordedRequest post = take();
    assertThat(post.getUrl().encodedPath()).isEqualTo("/api/v10/channels/777/messages");
    assertThat(
            JsonMapper.builder().build().readTree(post.getBody().utf8()).path("content").asString())
        .isEqualTo("**Welcome to Tower**\n\nHi Alex, renew at https://shop.example.com");
    assertThat(usher.outbox().pending()).isEmpty();
  }

  @Test
  void anOutageLeavesTheMessageInTheOutboxUntilDiscordTakesIt() throws Exception {
    usher.discord().queue(MailEvent.TEST, ALEX, Map.of());
    discord.enqueue(json(503, "{\"message\":\"upstream\"}"));

    assertThat(usher.outbox().runDue()).isZero();
    assertThat(usher.outbox().pending())
        .singleElement()
        .satisfies(item -> assertThat(item.lastError()).contains("Discord failed (HTTP 503)"));

    clock.advance(Duration.ofMinutes(1));
    discord.enqueue(json(200, "{\"id\":\"777\"}"));
    discord.enqueue(json(200, "{\"id\":\"888\"}"));
    assertThat(usher.outbox().runDue()).isEqualTo(1);
    assertThat(usher.outbox().pending()).isEmpty();
  }

  @Test
  void closedDirectMessagesFinishTheItemInsteadOfRetryingForever() {
    usher.discord().queue(MailEvent.TEST, ALEX, Map.of());
    discord.enqueue(json(200, "{\"id\":\"777\"}"));
    discord.enqueue(
        json(403, "{\"message\":\"Cannot send messages to this user\",\"code\":50007}"));

    assertThat(usher.outbox().runDue()).isEqualTo(1);
    assertThat(usher.outbox().pending()).isEmpty();
  }

  @Test
  void aUserWithoutADiscordIdGetsNoMessage() {
    User plain = usher.users().create(UserSpec.withEmail("plain@example.com"));

    assertThat(usher.discord().queue(MailEvent.TEST, plain, Map.of())).isFalse();
    assertThat(usher.outbox().pending()).isEmpty();
    assertThatThrownBy(() -> usher.discord().queue(MailEvent.TEST, " ", Map.of()))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void theBotTestNamesTheBotOrSaysTheTokenWasRefused() {
    discord.enqueue(json(200, "{\"id\":\"1\",\"username\":\"Usher Bot\"}"));
    assertThat(usher.discord().test()).contains("Usher Bot");

    discord.enqueue(json(401, "{\"message\":\"401: Unauthorized\",\"code\":0}"));
    assertThatThrownBy(() -> usher.discord().test())
        .isInstanceOf(DiscordException.class)
        .hasMessageStartingWith("Discord refused the bot token")
        .hasMessageNotContaining(TOKEN);

    usher.settings().set("discord.bot-token", "");
    assertThat(usher.discord().configured()).isFalse();
    assertThatThrownBy(() -> usher.discord().test()).isInstanceOf(ValidationException.class);
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = discord.takeRequest(2, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the fake Discord").isNotNull();
    return request;
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}

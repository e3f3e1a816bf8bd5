package io.usher.ui.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.UiTasks;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Discord settings form's state: saving, masking the token, and testing the bot. */
class DiscordViewModelTest {
  static final String TOKEN = "MTA5.bot-token.Zx9abcd";

  @TempDir Path dataDir;
  final MockWebServer discord = new MockWebServer();
  AppContext usher;
  DiscordViewModel model;

  @BeforeEach
  void open() throws IOException {
    discord.start();
    usher =
        new AppContext(
            dataDir,
            new MutableClock(Instant.parse("2026-11-22T10:00:00Z")),
            s -> new FakeMediaServers());
    usher.settings().set("discord.api-url", discord.url("/api/v10").toString());
    model =
        new DiscordViewModel(
            usher.discord(), usher.settings(), new UiTasks(Runnable::run, Runnable::run));
  }

  @AfterEach
  void close() {
    usher.close();
    discord.close();
  }

  @Test
  void savingStoresTheFieldsAndShowsTheTokenOnlyMasked() {
    model.token().set(TOKEN);
    model.guild().set("900100");
    model.subscriberRole().set("700001");
    model.kickDays().set("30");

    model.save();

    assertThat(model.ok().get()).isTrue();
    assertThat(usher.settings().value("discord.bot-token")).isEqualTo(TOKEN);
    assertThat(usher.settings().value("discord.kick-after-days")).isEqualTo("30");
    assertThat(model.token().get()).isEmpty();
    assertThat(model.tokenShown().get()).isEqualTo("••••abcd");
    DiscordViewModel reloaded =
        new DiscordViewModel(
            usher.discord(), usher.settings(), new UiTasks(Runnable::run, Runnable::run));
    reloaded.load();
    assertThat(reloaded.guild().get()).isEqualTo("900100");
    assertThat(reloaded.token().get()).isEmpty();
  }

  @Test
  void testingTheBotSavesThenShowsWhoTheBotIs() {
    discord.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("{\"id\":\"1\",\"username\":\"Usher Bot\"}")
            .build());
    model.token().set(TOKEN);

    model.test();

    assertThat(model.ok().get()).isTrue();
    assertThat(model.verdict().get()).contains("Usher Bot");
  }

  @Test
  void aRefusedTokenIsShownAsDiscordsSentence() {
    discord.enqueue(new MockResponse.Builder().code(401).body("{\"code\":0}").build());
    model.token().set(TOKEN);

    model.test();

    assertThat(model.ok().get()).isFalse();
    assertThat(model.verdict().get()).startsWith("Discord refused the bot token");
  }

  @Test
  void kickDaysThatAreNotANumberAreRefusedOnTheField() {
    model.kickDays().set("soon");

    model.save();

    assertThat(model.ok().get()).isFalse();
    assertThat(model.errors().get()).extracting(e -> e.field()).contains("discord.kick-after-days");
  }
}

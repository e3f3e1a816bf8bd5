package io.usher.application.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.invites.InviteRequest;
import io.usher.domain.media.ServerKind;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Customers hear of events by mail, and by Discord DM too once Discord is set up. */
class MailAndDiscordTest {
  @TempDir Path dataDir;
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;

  @BeforeEach
  void open() {
    usher =
        new AppContext(
            dataDir, new MutableClock(Instant.parse("2026-11-22T10:00:00Z")), s -> media);
    Fixtures.monthly(usher, "Monthly", "10");
    media.server("http://den:8096").library("f1", "Movies");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    usher.servers().setGroup(usher.servers().libraries("Den").getFirst().id(), "Standard");
    usher
        .users()
        .create(
            new UserSpec(
                "dee@example.com", "Dee", false, false, null, "123456789012345678", null, null));
  }

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void withDiscordSetUpTheWelcomeAlsoGoesAsADirectMessage() {
    usher.settings().set("discord.bot-token", "bot-token-1234567890");
    usher.settings().set("discord.guild-id", "987654321098765432");

    usher.invites().invite(InviteRequest.of("dee@example.com", "Monthly", "Den"));

    assertThat(usher.outbox().pending())
        .extracting(i -> i.kind())
        .containsExactlyInAnyOrder("mail", "discord");
  }

  @Test
  void withoutDiscordOnlyTheMailIsQueued() {
    usher.invites().invite(InviteRequest.of("dee@example.com", "Monthly", "Den"));

    assertThat(usher.outbox().pending()).extracting(i -> i.kind()).containsExactly("mail");
  }
}

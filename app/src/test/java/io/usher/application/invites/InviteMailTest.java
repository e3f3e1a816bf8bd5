package io.usher.application.invites;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.usher.app.AppContext;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.ServerKind;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Invites end to end with the welcome mail going through a real SMTP server (GreenMail). */
class InviteMailTest {
  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

  @TempDir Path dataDir;
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;

  @BeforeEach
  void open() {
    usher =
        new AppContext(
            dataDir, new MutableClock(Instant.parse("2026-11-22T10:00:00Z")), s -> media);
    usher.settings().set("smtp.host", "127.0.0.1");
    usher.settings().set("smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
    usher.settings().set("smtp.security", "none");
    usher.settings().set("smtp.from", "usher@example.com");
    Fixtures.monthly(usher, "Monthly", "10");
  }

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void aPlexInviteMailsHowToAcceptTheInvite() throws Exception {
    media.server("http://tower:32400").library("118181361", "Movies");
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1"));
    usher.servers().addPlex("good-token", null, "abc123", null, null);
    usher.servers().setGroup(usher.servers().libraries("Tower").getFirst().id(), "Standard");

    usher.invites().invite(InviteRequest.of("alice@example.com", "Monthly", "Tower"));
    assertThat(greenMail.getReceivedMessages()).as("sent by the worker, not inline").isEmpty();
    usher.outbox().runDue();

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
    assertThat(received[0].getSubject()).contains("Tower");
    assertThat(usher.outbox().pending()).isEmpty();
  }

  @Test
  void aJellyfinInviteMailsTheUserNameAndPassword() throws Exception {
    media.server("http://den:8096").library("f1", "Movies").password = "Secret-Pass-42";
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    usher.servers().setGroup(usher.servers().libraries("Den").getFirst().id(), "Standard");

    usher.invites().invite(InviteRequest.of("bob@example.com", "Monthly", "Den"));
    usher.outbox().runDue();

    String body = GreenMailUtil.getBody(greenMail.getReceivedMessages()[0]);
    assertThat(body).contains("bob").contains("Secret-Pass-42").contains("http://den:8096");
    assertThat(usher.outbox().pending()).isEmpty();
  }

  @Test
  void aMailThatCannotBeSentWaitsWithoutUndoingTheInvite() {
    usher.settings().set("smtp.host", "");
    media.server("http://den:8096").library("f1", "Movies");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    usher.servers().setGroup(usher.servers().libraries("Den").getFirst().id(), "Standard");

    usher.invites().invite(InviteRequest.of("carol@example.com", "Monthly", "Den"));
    usher.outbox().runDue();

    assertThat(usher.queries().users().getFirst().servers()).containsExactly("Den");
    assertThat(usher.outbox().pending())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.kind()).isEqualTo("mail");
              assertThat(i.lastError()).startsWith("Set smtp.host");
            });
  }
}

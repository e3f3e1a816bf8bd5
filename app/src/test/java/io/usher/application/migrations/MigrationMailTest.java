package io.usher.application.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.usher.app.AppContext;
import io.usher.application.invites.InviteRequest;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.ServerKind;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mails of a move, through a real SMTP server: the target's welcome, and the owner's report.
 */
class MigrationMailTest {
  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

  @TempDir Path dataDir;
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void aJellyfinUserMovedToPlexGetsThePlexInviteMailAndTheOwnerTheReport() throws Exception {
    media.server("http://den:8096").library("f1", "Movies");
    media.server("http://tower:32400").library("118181361", "Movies");
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1"));
    usher =
        new AppContext(
            dataDir, new MutableClock(Instant.parse("2026-11-22T10:00:00Z")), s -> media);
    usher.settings().set("smtp.host", "127.0.0.1");
    usher.settings().set("smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
    usher.settings().set("smtp.security", "none");
    usher.settings().set("smtp.from", "usher@example.com");
    usher.settings().set("owner.email", "owner@example.com");
    Fixtures.monthly(usher, "Monthly", "10");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    usher.servers().addPlex("good-token", null, "abc123", null, null);
    usher.servers().libraries(null).forEach(l -> usher.servers().setGroup(l.id(), "Standard"));
    usher.invites().invite(InviteRequest.of("bob@example.com", "Monthly", "Den"));
    usher.outbox().runDue();
    int before = greenMail.getReceivedMessages().length;

    usher.migrations().start("Den", "Tower", List.of());
    while (usher.outbox().runDue() > 0) {
      // the share, then leaving Den, then the mails they queued
    }

    List<MimeMessage> sent =
        Arrays.asList(greenMail.getReceivedMessages())
            .subList(before, greenMail.getReceivedMessages().length);
    assertThat(sent).hasSize(2);
    MimeMessage welcome = to(sent, "bob@example.com");
    assertThat(welcome.getSubject()).contains("Tower");
    assertThat(GreenMailUtil.getBody(welcome)).doesNotContain("password");
    assertThat(GreenMailUtil.getBody(to(sent, "owner@example.com")))
        .contains("Moving users from Den to Tower finished: 1 moved, 0 not moved.")
        .contains("bob@example.com: moved, shared on Tower as bob@example.com; left Den");
  }

  private static MimeMessage to(List<MimeMessage> sent, String address) throws Exception {
    for (MimeMessage m : sent) {
      if (m.getAllRecipients()[0].toString().equals(address)) {
        return m;
      }
    }
    throw new AssertionError("no mail to " + address);
  }
}

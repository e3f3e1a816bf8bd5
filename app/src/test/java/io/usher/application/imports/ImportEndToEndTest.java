package io.usher.application.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.usher.app.AppContext;
import io.usher.domain.ledger.UserStatus;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.ServerKind;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done means": 200 users from one CSV onto the right servers with the right libraries,
 * each with the right mail, and the owner told — through the real invite path.
 */
class ImportEndToEndTest {
  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

  @TempDir Path dataDir;
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;
  FakeMediaServers.Fake tower;
  FakeMediaServers.Fake den;

  @BeforeEach
  void open() {
    usher =
        new AppContext(
            dataDir, new MutableClock(Instant.parse("2026-11-22T10:00:00Z")), s -> media);
    usher.settings().set("smtp.host", "127.0.0.1");
    usher.settings().set("smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
    usher.settings().set("smtp.security", "none");
    usher.settings().set("smtp.from", "usher@example.com");
    usher.settings().set("owner.email", "owner@example.com");
    usher.settings().set("invite.pace-seconds", "0");
    Fixtures.monthly(usher, "Monthly", "10");
    tower =
        media
            .server("http://tower:32400")
            .library("118181361", "Movies")
            .library("118251661", "Private stuff");
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1"));
    usher.servers().addPlex("good-token", null, "abc123", null, null);
    den = media.server("http://den:8096").library("f1", "Films").library("f2", "Family");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    for (var l : usher.servers().libraries(null)) {
      if (l.title().equals("Movies") || l.title().equals("Films")) {
        usher.servers().setGroup(l.id(), "Standard");
      }
    }
  }

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void twoHundredUsersLandOnTheirServersWithThePlansLibrariesAndTheirMails() throws Exception {
    StringBuilder csv = new StringBuilder("Email,Server Name,Plan Name\n");
    for (int i = 1; i <= 200; i++) {
      csv.append("user")
          .append(i)
          .append("@example.com,")
          .append(i % 2 == 0 ? "Tower" : "Den")
          .append(",Monthly\n");
    }
    ImportPlan plan = usher.imports().validate("bulk.csv", csv.toString());
    assertThat(plan.valid()).as(plan.problemSummary()).isTrue();

    ImportReport report = usher.imports().run(plan, ImportProgress.NONE);

    assertThat(report.invited()).hasSize(200);
    assertThat(report.failed()).isEmpty();
    assertThat(tower.shared)
        .hasSize(100)
        .allSatisfy(r -> assertThat(r.libraryIds()).containsExactly("118181361"));
    assertThat(den.shared)
        .hasSize(100)
        .allSatisfy(r -> assertThat(r.libraryIds()).containsExactly("f1"));
    assertThat(usher.queries().users())
        .hasSize(200)
        .allSatisfy(u -> assertThat(u.status()).isEqualTo(UserStatus.ACTIVE));
    assertThat(usher.queries().payments(io.usher.domain.ledger.PaymentFilter.ALL))
        .hasSize(200)
        .allSatisfy(p -> assertThat(p.source().code()).isEqualTo("import"));

    while (usher.outbox().runDue() > 0) {
      // the worker would do this continuously
    }
    MimeMessage[] mails = greenMail.getReceivedMessages();
    assertThat(mails).hasSize(201);
    assertThat(Arrays.stream(mails).filter(m -> to(m).equals("owner@example.com")))
        .singleElement()
        .satisfies(m -> assertThat(m.getSubject()).contains("bulk import"));
    assertThat(Arrays.stream(mails).filter(m -> to(m).equals("user2@example.com")))
        .singleElement()
        .satisfies(m -> assertThat(m.getSubject()).contains("Tower"));
  }

  @Test
  void aBrokenFileChangesNothingAndNamesTheLines() {
    String csv =
        "Email,Server Name,Plan Name\nok@example.com,Tower,Monthly\nbad-email,Tower,Monthly\nx@example.com,Nowhere,Monthly\n";

    ImportPlan plan = usher.imports().validate("broken.csv", csv);

    assertThat(plan.valid()).isFalse();
    assertThat(plan.problemLines()).hasSize(2);
    assertThat(String.join("\n", plan.problemLines())).contains("Line 3").contains("Line 4");
    assertThat(usher.queries().users()).isEmpty();
    assertThat(tower.shared).isEmpty();
  }

  private static String to(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}

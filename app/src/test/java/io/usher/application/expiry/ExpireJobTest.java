package io.usher.application.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.application.jobs.JobResult;
import io.usher.domain.expiry.ExpiryAction;
import io.usher.domain.media.RemoteUser;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expire job on a real ledger, with Den answering in memory. */
class ExpireJobTest {
  @TempDir Path dataDir;
  ExpiryFixture f;

  @BeforeEach
  void open() {
    f = new ExpiryFixture(dataDir);
    f.invite("alice@example.com", 1, null);
    f.invite("bob@example.com", 30, null);
    f.invite("dave@example.com", 1, "sub_123");
    f.permanent("carol@example.com");
  }

  @AfterEach
  void close() {
    f.usher.close();
  }

  ExpireJob job() {
    return f.usher.expiry();
  }

  @Test
  void removesExactlyTheExpiredStandardUsersSharesAndMailsThem() {
    f.advance(Duration.ofDays(2));

    JobResult result = job().run(false);

    assertThat(result.summary()).isEqualTo("2 users lost access");
    assertThat(f.den.removed)
        .extracting(RemoteUser::username)
        .containsExactlyInAnyOrder("alice", "dave");
    assertThat(f.servers("alice@example.com")).isEmpty();
    assertThat(f.servers("dave@example.com")).isEmpty();
    assertThat(f.servers("bob@example.com")).as("active").containsExactly("Den");
    assertThat(f.servers("carol@example.com")).as("permanent").containsExactly("Den");
    assertThat(f.mails("EXPIRED"))
        .extracting(m -> m.get("to"))
        .containsExactlyInAnyOrder("alice@example.com", "dave@example.com");
    assertThat(f.mails("EXPIRED").getFirst())
        .containsEntry("plan", "Monthly")
        .containsEntry("expires", "23 November 2026");
  }

  @Test
  void aSecondRunFindsNothingLeftToDo() {
    f.advance(Duration.ofDays(2));
    job().run(false);

    JobResult again = job().run(false);

    assertThat(again.summary()).isEqualTo("0 users lost access");
    assertThat(f.den.removed).hasSize(2);
    assertThat(f.mails("EXPIRED")).hasSize(2);
  }

  @Test
  void aDryRunSaysWhoWouldLoseAccessAndChangesNothing() {
    f.advance(Duration.ofDays(2));

    JobResult preview = job().run(true);

    assertThat(preview.summary()).isEqualTo("2 users would lose access");
    assertThat(preview.details())
        .containsExactlyInAnyOrder(
            "alice@example.com would lose Den (expired 2026-11-23)",
            "dave@example.com would lose Den (expired 2026-11-23)");
    assertThat(job().preview())
        .extracting(ExpiryStep::who, ExpiryStep::action)
        .hasSize(2)
        .allSatisfy(t -> assertThat(t.toList()).contains(ExpiryAction.REMOVE));
    assertThat(f.den.removed).isEmpty();
    assertThat(f.servers("alice@example.com")).containsExactly("Den");
    assertThat(f.mails("EXPIRED")).isEmpty();
  }

  @Test
  void graceDaysKeepAccessUntilTheyHavePassed() {
    f.usher.settings().set("expiry.grace-days", "3");
    f.advance(Duration.ofDays(3));

    assertThat(job().run(false).summary()).isEqualTo("0 users lost access");
    assertThat(f.den.removed).isEmpty();

    f.advance(Duration.ofDays(1).plusMinutes(1));
    assertThat(job().run(false).summary()).isEqualTo("2 users lost access");
    assertThat(f.servers("alice@example.com")).isEmpty();
  }

  @Test
  void aGraceGroupNarrowsExpiredUsersToItsLibrariesThenRemovesThemWhenGraceEnds() {
    f.usher.settings().set("expiry.grace-days", "3");
    f.usher.settings().set("expiry.grace-group", "Grace");
    f.advance(Duration.ofDays(2));

    JobResult narrowed = job().run(false);

    assertThat(narrowed.summary()).isEqualTo("0 users lost access, 2 users narrowed to Grace");
    assertThat(f.remoteLibraries("alice")).containsExactly("f2");
    assertThat(f.remoteLibraries("bob")).containsExactly("f1");
    assertThat(f.servers("alice@example.com")).containsExactly("Den");
    assertThat(job().run(false).summary()).as("narrowed once").isEqualTo("0 users lost access");
    assertThat(job().preview()).isEmpty();

    f.advance(Duration.ofDays(2));
    assertThat(job().run(false).summary()).isEqualTo("2 users lost access");
    assertThat(f.den.removed)
        .extracting(RemoteUser::username)
        .containsExactlyInAnyOrder("alice", "dave");
    assertThat(f.servers("alice@example.com")).isEmpty();
    assertThat(f.servers("carol@example.com")).containsExactly("Den");
  }

  @Test
  void aServerFailureForOneUserLeavesTheOthersDoneAndThatShareRecordedActive() {
    f.failRemovalOf.add("alice");
    f.advance(Duration.ofDays(2));

    JobResult result = job().run(false);

    assertThat(result.summary())
        .isEqualTo("1 user lost access; 1 user could not be changed on a server");
    assertThat(result.details())
        .contains(
            "alice@example.com: Jellyfin server Den failed (Den did not answer.); still shared"
                + " there, tried again next run");
    assertThat(f.servers("dave@example.com")).isEmpty();
    assertThat(f.servers("alice@example.com")).containsExactly("Den");
    assertThat(f.mails("EXPIRED")).extracting(m -> m.get("to")).containsExactly("dave@example.com");

    f.failRemovalOf.clear();
    assertThat(job().run(false).summary()).isEqualTo("1 user lost access");
    assertThat(f.servers("alice@example.com")).isEmpty();
    assertThat(f.mails("EXPIRED")).hasSize(2);
  }

  @Test
  void isTheHourlyExpireJob() {
    assertThat(f.usher.jobs().jobs()).extracting(j -> j.name()).contains("expire", "remind");
    assertThat(job().every()).isEqualTo(Duration.ofHours(1));
  }
}

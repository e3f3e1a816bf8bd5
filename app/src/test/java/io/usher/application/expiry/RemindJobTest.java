package io.usher.application.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.application.jobs.Job;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expiring-soon reminders on a real ledger: once per listed day, across restarts. */
class RemindJobTest {
  @TempDir Path dataDir;
  ExpiryFixture f;

  @BeforeEach
  void open() {
    f = new ExpiryFixture(dataDir);
    f.invite("alice@example.com", 10, null);
    f.invite("rec@example.com", 10, "sub_123");
    f.permanent("carol@example.com");
  }

  @AfterEach
  void close() {
    f.usher.close();
  }

  Job job() {
    return f.usher.jobs().jobs().stream()
        .filter(j -> j.name().equals("remind"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void sendsEachListedDayOnceEvenWhenRunTwiceAndAfterARestart() {
    assertThat(job().run(false).summary()).as("10 days left").isEqualTo("0 reminders queued");

    f.advance(Duration.ofDays(3).plusHours(1));
    assertThat(job().run(false).summary()).isEqualTo("1 reminder queued");
    assertThat(job().run(false).summary()).as("same day again").isEqualTo("0 reminders queued");
    f.restart();
    assertThat(job().run(false).summary()).as("after a restart").isEqualTo("0 reminders queued");
    assertThat(f.mails("EXPIRING_SOON"))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .containsEntry("to", "alice@example.com")
                    .containsEntry("days", "7")
                    .containsEntry("plan", "Monthly")
                    .containsEntry("expires", "2 December 2026"));

    f.advance(Duration.ofDays(4));
    assertThat(job().run(false).details())
        .containsExactly("alice@example.com got the 3-day reminder (expires 2 December 2026)");
    f.advance(Duration.ofDays(2));
    job().run(false);
    f.restart();
    job().run(false);
    assertThat(f.mails("EXPIRING_SOON"))
        .extracting(m -> m.get("days"))
        .containsExactly("7", "3", "1");
  }

  @Test
  void recurringAndPermanentUsersGetNoReminder() {
    f.advance(Duration.ofDays(9));

    job().run(false);

    assertThat(f.mails("EXPIRING_SOON"))
        .extracting(m -> m.get("to"))
        .containsExactly("alice@example.com");
  }

  @Test
  void aDryRunSaysWhoWouldBeRemindedAndRecordsNothing() {
    f.advance(Duration.ofDays(8));

    var preview = job().run(true);

    assertThat(preview.summary()).isEqualTo("1 reminder would be sent");
    assertThat(preview.details())
        .containsExactly(
            "alice@example.com would get the 3-day reminder (expires 2 December 2026)");
    assertThat(f.mails("EXPIRING_SOON")).isEmpty();
    assertThat(job().run(false).summary()).isEqualTo("1 reminder queued");
  }

  @Test
  void anEmptyDayListTurnsRemindersOff() {
    f.usher.settings().set("reminders.days", "");
    f.advance(Duration.ofDays(9));

    assertThat(job().run(false).summary())
        .isEqualTo("Reminders are off (reminders.days is empty).");
    assertThat(f.mails("EXPIRING_SOON")).isEmpty();
  }
}

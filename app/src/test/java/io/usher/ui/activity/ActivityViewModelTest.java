package io.usher.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.domain.enforce.ActivityEntry;
import io.usher.domain.enforce.Outcome;
import io.usher.domain.enforce.Reason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActivityViewModelTest {
  static ActivityEntry entry(Reason reason, Outcome outcome, String detail, boolean notified) {
    return new ActivityEntry(
        1,
        Instant.parse("2026-11-22T10:00:00Z"),
        7L,
        "alice@example.com",
        3L,
        "Attic",
        "device:14",
        "Pixel 8 (Emby for Android)",
        null,
        null,
        reason,
        "3 Emby devices on a plan that allows 2: the least recently used is signed out",
        outcome,
        detail,
        notified);
  }

  @Test
  void aDeviceTakenAwayReadsSignedOutAndAStreamStopped() {
    assertThat(
            ActivityViewModel.outcome(entry(Reason.TOO_MANY_DEVICES, Outcome.STOPPED, null, false)))
        .isEqualTo("Signed out");
    assertThat(
            ActivityViewModel.outcome(entry(Reason.TOO_MANY_STREAMS, Outcome.STOPPED, null, true)))
        .isEqualTo("Stopped · user notified");
    assertThat(
            ActivityViewModel.outcome(
                entry(Reason.TOO_MANY_DEVICES, Outcome.FAILED, "Attic is down.", false)))
        .isEqualTo("Failed: Attic is down.");
  }

  @Test
  void theFilterFindsADeviceEntryByDeviceAndByWhy() {
    ActivityEntry e = entry(Reason.TOO_MANY_DEVICES, Outcome.STOPPED, null, false);

    assertThat(ActivityViewModel.matches(e, "pixel")).isTrue();
    assertThat(ActivityViewModel.matches(e, "too many devices")).isTrue();
    assertThat(ActivityViewModel.matches(e, "signed out")).isTrue();
    assertThat(ActivityViewModel.matches(e, "roku")).isFalse();
  }
}

package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** `usher sharing` on the command line: its days are checked at the edge. */
class SharingCliTest {
  @TempDir Path dataDir;
  CliRun cli;

  @BeforeEach
  void open() {
    cli = new CliRun(dataDir, new MutableClock(Instant.parse("2026-11-22T10:00:00Z")));
  }

  @Test
  void withNoStreamsSeenNobodyIsListed() {
    assertThat(cli.usher("--json", "sharing")).as(cli.err).isZero();
    assertThat(JsonMapper.builder().build().readTree(cli.out).isArray()).isTrue();
    assertThat(JsonMapper.builder().build().readTree(cli.out)).isEmpty();
  }

  @Test
  void daysOutsideOneToThirtyAreRefusedInOneSentence() {
    for (String days : new String[] {"0", "31", "-4"}) {
      assertThat(cli.usher("sharing", "--days", days)).as(days).isNotZero();
      assertThat(cli.err.lines()).hasSize(1);
      assertThat(cli.err).contains("between 1 and 30 days");
    }
    assertThat(cli.usher("sharing", "--days", "lots")).isEqualTo(2);
  }

  @Test
  void aUserWithNoEvidenceIsNotWarnedAndSettingAsideNeedsAKnownUser() {
    assertThat(cli.usher("user", "add", "--email", "alice@example.com")).as(cli.err).isZero();

    assertThat(cli.usher("sharing", "warn", "alice@example.com")).isEqualTo(1);
    assertThat(cli.err)
        .isEqualTo(
            "That user shows no sign of sharing in the last 30 days: there is nothing to warn"
                + " them about.\n");
    assertThat(cli.usher("sharing", "ignore", "alice@example.com")).as(cli.err).isZero();
    assertThat(cli.out).startsWith("Set aside what was seen of alice@example.com so far.");
    assertThat(cli.usher("sharing", "ignore", "nobody@example.com")).isEqualTo(1);
  }
}

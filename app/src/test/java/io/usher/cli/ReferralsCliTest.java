package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** usher referrals, and usher referrals code E, on a real ledger. */
class ReferralsCliTest {
  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  String out;
  String err;

  int usher(String... args) {
    CliRun run = new CliRun(dataDir, clock);
    int code = run.usher(args);
    out = run.out;
    err = run.err;
    return code;
  }

  @Test
  void aUsersCodeIsMadeOnceAndPrintedWithTheLinkAndWhetherReferralsAreOn() {
    assertThat(usher("user", "add", "--email", "ann@example.com")).isZero();

    assertThat(usher("referrals", "code", "ann@example.com")).as(err).isZero();
    Matcher m =
        Pattern.compile("Referral code of ann@example.com: ([A-Z0-9]{8}), link ").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    String code = m.group(1);
    assertThat(out).contains("http://127.0.0.1:8765/?ref=" + code).contains("Referrals are off");

    assertThat(usher("settings", "set", "referral.percent", "10")).as(err).isZero();
    assertThat(usher("referrals", "code", "ann@example.com")).isZero();
    assertThat(out).contains(": " + code + ",").doesNotContain("Referrals are off");

    assertThat(usher("referrals")).isZero();
    assertThat(usher("referrals", "code", "nobody@example.com")).isNotZero();
    assertThat(err).contains("There is no user with email nobody@example.com.");
  }

  @Test
  void thePercentIsAWholeNumberUpToAHundred() {
    assertThat(usher("settings", "set", "referral.percent", "101")).isNotZero();
    assertThat(err).contains("referral.percent");
    assertThat(usher("settings", "set", "referral.percent", "ten")).isNotZero();
  }
}

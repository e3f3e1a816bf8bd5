package io.usher.domain.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpiryRuleTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  static Subscriber user(boolean permanent, Long expiredHoursAgo, boolean active) {
    return new Subscriber(
        1,
        "a@example.com",
        null,
        permanent,
        "Monthly",
        expiredHoursAgo == null ? null : NOW.minus(Duration.ofHours(expiredHoursAgo)),
        active,
        false);
  }

  @ParameterizedTest(name = "permanent={0} expired {1}h ago active={2} grace={3}d group={4} -> {5}")
  @CsvSource(
      nullValues = "null",
      value = {
        // expired standard users
        "false, 1,    false, 0, false, REMOVE",
        "false, 0,    false, 0, false, REMOVE",
        "false, 1,    false, 0, true,  REMOVE",
        "false, 47,   false, 2, false, KEEP",
        "false, 47,   false, 2, true,  NARROW",
        "false, 48,   false, 2, true,  REMOVE",
        "false, 500,  false, 2, false, REMOVE",
        // never touched
        "true,  500,  false, 0, false, KEEP",
        "true,  null, false, 0, true,  KEEP",
        "false, null, false, 0, false, KEEP",
        "false, -24,  true,  0, false, KEEP",
        "false, -24,  false, 0, false, KEEP",
        "false, 5,    true,  0, false, KEEP",
      })
  void decidesWhoLosesAccessAndWhoIsNarrowed(
      boolean permanent,
      Long expiredHoursAgo,
      boolean active,
      int graceDays,
      boolean graceGroup,
      String expected) {
    Optional<ExpiryDecision> d =
        ExpiryRule.decide(user(permanent, expiredHoursAgo, active), graceDays, graceGroup, NOW);

    assertThat(d.map(x -> x.action().name()).orElse("KEEP")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0, expired 2026-11-21", "3, 'expired 2026-11-21, in grace until 2026-11-24'"})
  void saysWhyInWords(int graceDays, String reason) {
    Subscriber s = user(false, 24L, false);

    assertThat(ExpiryRule.decide(s, graceDays, true, NOW).orElseThrow().reason()).isEqualTo(reason);
  }

  @org.junit.jupiter.api.Test
  void decideAllKeepsOnlyTheUsersActedOn() {
    List<Subscriber> users =
        List.of(user(false, 5L, false), user(true, 5L, false), user(false, -5L, true));

    assertThat(ExpiryRule.decideAll(users, 0, false, NOW)).hasSize(1);
  }
}

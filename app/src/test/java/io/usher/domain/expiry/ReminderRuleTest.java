package io.usher.domain.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReminderRuleTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final List<Integer> DAYS = List.of(7, 3, 1);

  static Subscriber user(double daysLeft, boolean permanent, boolean recurring) {
    return new Subscriber(
        1,
        "a@example.com",
        null,
        permanent,
        "Monthly",
        NOW.plus(Duration.ofMinutes((long) (daysLeft * 24 * 60))),
        daysLeft > 0,
        recurring);
  }

  @ParameterizedTest(name = "{0} days left, permanent={1}, recurring={2} -> step {3}")
  @CsvSource({
    "10,   false, false, 0",
    "7.01, false, false, 0",
    "7,    false, false, 7",
    "6.5,  false, false, 7",
    "3.5,  false, false, 7",
    "3,    false, false, 3",
    "2,    false, false, 3",
    "1,    false, false, 1",
    "0.1,  false, false, 1",
    "0,    false, false, 0",
    "-1,   false, false, 0",
    "2,    false, true,  0",
    "2,    true,  false, 0",
  })
  void picksTheTightestListedDayTheTimeLeftFitsIn(
      double daysLeft, boolean permanent, boolean recurring, int step) {
    assertThat(ReminderRule.step(user(daysLeft, permanent, recurring), DAYS, NOW).orElse(0))
        .isEqualTo(step);
  }

  @Test
  void aReminderAlreadySentForThatExpiryAndStepIsNotDueAgain() {
    Subscriber s = user(2, false, false);
    ReminderKey three = new ReminderKey(1, s.expires(), 3);

    assertThat(ReminderRule.due(List.of(s), DAYS, Set.of(), NOW)).containsExactly(three);
    assertThat(ReminderRule.due(List.of(s), DAYS, Set.of(three), NOW)).isEmpty();
    assertThat(
            ReminderRule.due(
                List.of(s), DAYS, Set.of(new ReminderKey(1, s.expires().minusSeconds(1), 3)), NOW))
        .as("a renewal moved the expiry: a new series")
        .containsExactly(three);
  }

  @ParameterizedTest
  @CsvSource(
      value = {"'7,3,1'|7,3,1", "''|", "' 14 , 2 '|14,2"},
      delimiter = '|')
  void readsTheDayList(String setting, String expected) {
    assertThat(ReminderRule.parseDays(setting).stream().map(String::valueOf).toList())
        .isEqualTo(expected == null ? List.of() : List.of(expected.split(",")));
  }
}

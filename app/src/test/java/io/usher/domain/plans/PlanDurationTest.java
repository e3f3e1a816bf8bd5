package io.usher.domain.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.ValidationException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanDurationTest {

  @ParameterizedTest(name = "{0} + {1} {2} = {3}")
  @CsvSource({
    // Calendar months clamp to the last day of a shorter month, deliberately.
    "2026-01-31T10:00:00Z, 1, MONTHS, 2026-02-28T10:00:00Z",
    "2028-01-31T10:00:00Z, 1, MONTHS, 2028-02-29T10:00:00Z",
    // Counted from the start as a whole, so two months from Jan 31 is Mar 31, not Mar 28.
    "2026-01-31T10:00:00Z, 2, MONTHS, 2026-03-31T10:00:00Z",
    "2026-03-31T00:00:00Z, 1, MONTHS, 2026-04-30T00:00:00Z",
    "2026-11-22T00:00:00Z, 12, MONTHS, 2027-11-22T00:00:00Z",
    "2026-11-22T08:30:00Z, 30, DAYS, 2026-12-22T08:30:00Z",
    "2028-02-28T00:00:00Z, 1, DAYS, 2028-02-29T00:00:00Z",
    "2026-12-31T23:59:59Z, 1, DAYS, 2027-01-01T23:59:59Z"
  })
  void addsDaysAndCalendarMonthsInUtc(
      String start, int amount, PlanDuration.Unit unit, String end) {
    assertThat(new PlanDuration(amount, unit).addTo(Instant.parse(start)))
        .isEqualTo(Instant.parse(end));
  }

  @ParameterizedTest
  @CsvSource({"0, DAYS, at least 1 day", "-3, MONTHS, at least 1 month"})
  void refusesEmptyDurations(int amount, PlanDuration.Unit unit, String sentence) {
    assertThatThrownBy(() -> new PlanDuration(amount, unit))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(sentence);
  }

  @ParameterizedTest
  @CsvSource({"1, 3, 3", "30, 2, 60"})
  void aQuantityMultipliesTheDuration(int amount, int quantity, int expected) {
    assertThat(PlanDuration.days(amount).times(quantity)).isEqualTo(PlanDuration.days(expected));
  }

  @ParameterizedTest
  @CsvSource({"1, DAYS, 1 day", "2, MONTHS, 2 months"})
  void readsAsWords(int amount, PlanDuration.Unit unit, String words) {
    assertThat(new PlanDuration(amount, unit)).hasToString(words);
  }
}

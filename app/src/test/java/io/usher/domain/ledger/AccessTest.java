package io.usher.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessTest {
  static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");
  static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
  static final Instant APR = Instant.parse("2026-04-01T00:00:00Z");
  static final List<Period> JAN_AND_MAR = List.of(new Period(JAN, FEB), new Period(MAR, APR));

  @ParameterizedTest(name = "at {0} a standard user is active: {1}")
  @CsvSource({
    "2025-12-31T23:59:59Z, false",
    "2026-01-01T00:00:00Z, true", // start is inside: [start, end)
    "2026-01-31T23:59:59Z, true",
    "2026-02-01T00:00:00Z, false", // end is outside
    "2026-02-15T00:00:00Z, false", // the gap between two payments
    "2026-03-15T00:00:00Z, true",
    "2026-04-01T00:00:00Z, false"
  })
  void aStandardUserIsActiveOnlyInsideAPaidPeriod(String at, boolean active) {
    assertThat(Access.isActive(false, JAN_AND_MAR, Instant.parse(at))).isEqualTo(active);
  }

  @Test
  void expiredUserLosesAccessButPermanentUserKeepsIt() {
    Instant later = Instant.parse("2027-01-01T00:00:00Z");
    assertThat(Access.status(false, JAN_AND_MAR, later)).isEqualTo(UserStatus.EXPIRED);
    assertThat(Access.status(true, JAN_AND_MAR, later)).isEqualTo(UserStatus.ACTIVE);
    assertThat(Access.status(true, List.of(), later)).isEqualTo(UserStatus.ACTIVE);
    assertThat(Access.status(false, List.of(), later)).isEqualTo(UserStatus.EXPIRED);
  }

  @Test
  void expiryIsTheLatestEndWhateverTheOrder() {
    assertThat(Access.expiry(List.of(new Period(MAR, APR), new Period(JAN, FEB)))).contains(APR);
    assertThat(Access.expiry(List.of())).isEmpty();
  }

  @Test
  void renewalExtendsFromTheLaterOfNowAndExpiry() {
    assertThat(Access.renewalStart(Optional.of(APR), FEB)).isEqualTo(APR);
    assertThat(Access.renewalStart(Optional.of(JAN), FEB)).isEqualTo(FEB);
    assertThat(Access.renewalStart(Optional.empty(), FEB)).isEqualTo(FEB);
  }

  @Test
  void aPeriodMustEndAfterItStarts() {
    assertThatThrownBy(() -> new Period(FEB, JAN))
        .isInstanceOf(ValidationException.class)
        .hasMessage("The end must be after the start.");
    assertThatThrownBy(() -> new Period(FEB, FEB)).isInstanceOf(ValidationException.class);
  }
}

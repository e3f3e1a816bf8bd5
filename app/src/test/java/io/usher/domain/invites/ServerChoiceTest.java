package io.usher.domain.invites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The server-choice rule as a table: situation → the server chosen. */
class ServerChoiceTest {
  // id, name, enabled, new users, trials, trial only, capacity, users, location, grants plan
  static final Candidate EU_BUSY =
      new Candidate(1, "eu-busy", true, true, true, false, 100, 80, "Europe", true);
  static final Candidate EU_QUIET =
      new Candidate(2, "eu-quiet", true, true, true, false, 100, 10, "Europe", true);
  static final Candidate US =
      new Candidate(3, "us", true, true, true, false, null, 5, "America", true);
  static final Candidate FULL =
      new Candidate(4, "full", true, true, true, false, 100, 100, "Europe", true);
  static final Candidate CLOSED =
      new Candidate(5, "closed", true, false, true, false, 100, 1, "Europe", true);
  static final Candidate OFF =
      new Candidate(6, "off", false, true, true, false, 100, 0, "Europe", true);
  static final Candidate NO_LIBS =
      new Candidate(7, "no-libs", true, true, true, false, 100, 0, "Europe", false);
  static final Candidate TRIALS =
      new Candidate(8, "trials", true, true, true, true, 100, 0, "Europe", true);
  static final Candidate NO_TRIALS =
      new Candidate(9, "no-trials", true, true, false, false, 100, 0, "Europe", true);

  static Stream<Arguments> situations() {
    List<Candidate> all =
        List.of(EU_BUSY, EU_QUIET, US, FULL, CLOSED, OFF, NO_LIBS, TRIALS, NO_TRIALS);
    return Stream.of(
        Arguments.of(
            "keeps the current server even when it is full",
            all,
            4L,
            null,
            List.of(),
            false,
            null,
            "full"),
        Arguments.of(
            "keeps the current server even when it takes no new users",
            all,
            5L,
            null,
            List.of(),
            false,
            null,
            "closed"),
        Arguments.of(
            "leaves a current server that no longer grants the plan",
            all,
            7L,
            null,
            List.of(),
            false,
            "America",
            "us"),
        Arguments.of(
            "leaves a disabled current server", all, 6L, null, List.of(), false, "America", "us"),
        Arguments.of(
            "takes the pending invite's server",
            all,
            null,
            1L,
            List.of(),
            false,
            "America",
            "eu-busy"),
        Arguments.of(
            "takes a previous server with room",
            all,
            null,
            null,
            List.of(4L, 3L),
            false,
            "Europe",
            "us"),
        Arguments.of(
            "skips a full previous server", all, null, null, List.of(4L), false, "America", "us"),
        Arguments.of(
            "prefers the chosen location", all, null, null, List.of(), false, "America", "us"),
        Arguments.of(
            "ties go to the fewest users",
            all,
            null,
            null,
            List.of(),
            false,
            "Europe",
            "no-trials"),
        Arguments.of(
            "without a location, the fewest users",
            List.of(EU_BUSY, EU_QUIET, US),
            null,
            null,
            List.of(),
            false,
            null,
            "us"),
        Arguments.of(
            "a trial plan avoids servers that refuse trials",
            List.of(NO_TRIALS, EU_QUIET),
            null,
            null,
            List.of(),
            true,
            null,
            "eu-quiet"),
        Arguments.of(
            "a trial plan may use a trial-only server",
            List.of(TRIALS, EU_BUSY),
            null,
            null,
            List.of(),
            true,
            null,
            "trials"),
        Arguments.of(
            "a paid plan never lands on a trial-only server",
            List.of(TRIALS, EU_BUSY),
            null,
            null,
            List.of(),
            false,
            null,
            "eu-busy"),
        Arguments.of(
            "the location never beats a full server",
            List.of(FULL, US),
            null,
            null,
            List.of(),
            false,
            "Europe",
            "us"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("situations")
  void choosesTheServer(
      String situation,
      List<Candidate> servers,
      Long current,
      Long pending,
      List<Long> previous,
      boolean trial,
      String location,
      String expected) {
    assertThat(
            ServerChoice.choose(servers, current, pending, previous, "Monthly", trial, location)
                .name())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "nothing fits: {0}")
  @MethodSource("nothingFits")
  void nothingFitsIsATypedErrorNamingThePlan(
      String situation, List<Candidate> servers, boolean trial) {
    assertThatThrownBy(
            () -> ServerChoice.choose(servers, null, null, List.of(), "Monthly", trial, null))
        .isInstanceOf(NoServerException.class)
        .hasMessageStartingWith("There is no server with capacity for plan Monthly");
  }

  static Stream<Arguments> nothingFits() {
    return Stream.of(
        Arguments.of("no servers", List.of(), false),
        Arguments.of(
            "all full, closed, off or without the plan's libraries",
            List.of(FULL, CLOSED, OFF, NO_LIBS),
            false),
        Arguments.of("a trial plan and only servers refusing trials", List.of(NO_TRIALS), true),
        Arguments.of("a paid plan and only a trial-only server", List.of(TRIALS), false));
  }
}

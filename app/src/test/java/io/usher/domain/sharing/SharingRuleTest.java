package io.usher.domain.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharingRuleTest {
  static final Instant T = Instant.parse("2026-11-20T20:00:00Z");
  int session;

  Sighting seen(long user, String device, String address, Instant from, Duration length) {
    return new Sighting(user, 1, "s" + session++, device, address, from, from.plus(length));
  }

  @Test
  void twoStreamsAtOnceFromDifferentNetworksAreTheStrongestEvidence() {
    List<Sighting> seen =
        List.of(
            seen(1, "TV", "203.0.113.7", T, Duration.ofHours(2)),
            seen(1, "Phone", "198.51.100.4", T.plus(Duration.ofMinutes(30)), Duration.ofHours(1)));

    List<Suspect> suspects = SharingRule.rank(seen, Map.of(1L, 2), Set.of(), Map.of());

    assertThat(suspects)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.overlaps()).isEqualTo(1);
              assertThat(s.score()).isEqualTo(3);
              assertThat(s.evidence())
                  .containsExactly(
                      "1 time watching from two networks at once (e.g. 203.0.113.0/24 and"
                          + " 198.51.100.0/24)");
            });
  }

  @Test
  void aHouseholdWatchingOnTwoScreensAtHomeIsNoEvidence() {
    List<Sighting> seen =
        List.of(
            seen(1, "TV", "203.0.113.7", T, Duration.ofHours(2)),
            seen(1, "Tablet", "203.0.113.7", T, Duration.ofHours(2)),
            seen(1, "TV", "192.168.1.20", T, Duration.ofHours(2)));

    assertThat(SharingRule.rank(seen, Map.of(1L, 2), Set.of(), Map.of())).isEmpty();
  }

  @Test
  void streamsOneAfterTheOtherFromDifferentNetworksAreNotAtOnce() {
    List<Sighting> seen =
        List.of(
            seen(1, "TV", "203.0.113.7", T, Duration.ofHours(1)),
            seen(1, "Phone", "198.51.100.4", T.plus(Duration.ofMinutes(61)), Duration.ofHours(1)));

    assertThat(SharingRule.rank(seen, Map.of(1L, 1), Set.of(), Map.of())).isEmpty();
  }

  @Test
  void moreNetworksAndDevicesThanThePlanExplainsCountOneEach() {
    List<Sighting> seen = new ArrayList<>();
    for (int day = 0; day < 5; day++) {
      seen.add(
          seen(
              1,
              "Device " + day,
              "198.51." + day + ".4",
              T.plus(Duration.ofDays(day)),
              Duration.ofHours(1)));
    }

    Suspect s = SharingRule.rank(seen, Map.of(1L, 1), Set.of(), Map.of()).getFirst();

    // One stream explains two networks and three devices: five of each is 3 + 2 beyond.
    assertThat(s.score()).isEqualTo(5);
    assertThat(s.evidence())
        .containsExactly(
            "5 networks, where 1 stream(s) explain 2", "5 devices, where 1 stream(s) explain 3");
  }

  @Test
  void theOwnersAddressAndLanAreNeverEvidence() {
    List<Sighting> seen =
        List.of(
            seen(1, "TV", "203.0.113.7", T, Duration.ofHours(2)),
            seen(1, "Phone", "10.0.0.5", T, Duration.ofHours(2)),
            seen(1, "Laptop", "198.51.100.4", T, Duration.ofHours(2)));

    assertThat(SharingRule.rank(seen, Map.of(1L, 3), Set.of("198.51.100.4"), Map.of())).isEmpty();
  }

  @Test
  void usersAreRankedByTheirEvidenceStrongestFirst() {
    List<Sighting> seen = new ArrayList<>();
    seen.add(seen(2, "TV", "203.0.113.7", T, Duration.ofHours(2)));
    seen.add(seen(2, "Phone", "198.51.100.4", T, Duration.ofHours(2)));
    seen.add(seen(2, "Laptop", "192.0.2.8", T, Duration.ofHours(2)));
    seen.add(seen(1, "TV", "203.0.113.9", T, Duration.ofHours(2)));
    seen.add(seen(1, "Phone", "198.51.100.9", T, Duration.ofHours(2)));

    assertThat(SharingRule.rank(seen, Map.of(1L, 1, 2L, 1), Set.of(), Map.of()))
        .extracting(Suspect::userId, Suspect::score)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, 10),
            org.assertj.core.groups.Tuple.tuple(1L, 3));
  }

  static final Map<String, Place> PLACES =
      Map.of(
          "203.0.113.7", new Place(52.52, 13.405, "Berlin", "DE"),
          "198.51.100.4", new Place(40.7128, -74.006, "New York", "US"),
          "192.0.2.9", new Place(53.55, 9.99, "Hamburg", "DE"));

  @Test
  void aStreamTooFarFromTheOneBeforeToHaveTravelledIsEvidence() {
    List<Sighting> seen =
        List.of(
            seen(1, "TV", "203.0.113.7", T, Duration.ofHours(1)),
            seen(1, "TV", "198.51.100.4", T.plus(Duration.ofMinutes(100)), Duration.ofHours(1)));

    assertThat(SharingRule.rank(seen, Map.of(1L, 2), Set.of(), PLACES))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.travels()).isEqualTo(1);
              assertThat(s.overlaps()).isZero();
              assertThat(s.score()).isEqualTo(2);
              assertThat(s.evidence())
                  .containsExactly(
                      "1 time too far from the stream before to have travelled (e.g. Berlin, DE"
                          + " then New York, US 40 minutes later)");
            });
  }

  @Test
  void aFlightsWorthOfTimeANearbyCityOrUnplacedAddressesAreNoEvidence() {
    List<Sighting> flight =
        List.of(
            seen(1, "TV", "203.0.113.7", T, Duration.ofHours(1)),
            seen(1, "TV", "198.51.100.4", T.plus(Duration.ofHours(9)), Duration.ofHours(1)));
    List<Sighting> nearby =
        List.of(
            seen(1, "TV", "203.0.113.7", T, Duration.ofHours(1)),
            seen(1, "TV", "192.0.2.9", T.plus(Duration.ofMinutes(65)), Duration.ofHours(1)));

    assertThat(SharingRule.rank(flight, Map.of(1L, 2), Set.of(), PLACES)).isEmpty();
    assertThat(SharingRule.rank(nearby, Map.of(1L, 2), Set.of(), PLACES)).isEmpty();
    List<Sighting> far =
        List.of(
            seen(1, "TV", "203.0.113.7", T, Duration.ofHours(1)),
            seen(1, "TV", "198.51.100.4", T.plus(Duration.ofMinutes(100)), Duration.ofHours(1)));
    assertThat(SharingRule.rank(far, Map.of(1L, 2), Set.of(), Map.of())).isEmpty();
  }

  @Test
  void streamsAtOnceFromFarApartCountAsAnOverlapNotAlsoAsTravel() {
    List<Sighting> seen =
        List.of(
            seen(1, "TV", "203.0.113.7", T, Duration.ofHours(2)),
            seen(1, "Phone", "198.51.100.4", T.plus(Duration.ofMinutes(30)), Duration.ofHours(1)));

    Suspect s = SharingRule.rank(seen, Map.of(1L, 2), Set.of(), PLACES).getFirst();

    assertThat(s.overlaps()).isEqualTo(1);
    assertThat(s.travels()).isZero();
    assertThat(s.score()).isEqualTo(3);
  }

  @Test
  void theOwnAddressIsNotPlacedEvidenceEvenWhenPlaced() {
    List<Sighting> seen =
        List.of(
            seen(1, "TV", "203.0.113.7", T, Duration.ofHours(1)),
            seen(1, "TV", "198.51.100.4", T.plus(Duration.ofMinutes(100)), Duration.ofHours(1)));

    assertThat(SharingRule.rank(seen, Map.of(1L, 2), Set.of("198.51.100.4"), PLACES)).isEmpty();
  }
}

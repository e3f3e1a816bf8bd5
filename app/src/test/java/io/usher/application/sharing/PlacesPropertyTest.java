package io.usher.application.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.invites.InviteRequest;
import io.usher.domain.common.Inputs;
import io.usher.domain.media.ActiveStream;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.servers.Library;
import io.usher.domain.sharing.Place;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Whatever plex.tv's GeoIP answers within the earth's coordinates, any names of any length, the
 * places job stores it and the sharing report reads it back (names cut to what the ledger keeps).
 */
class PlacesPropertyTest {
  Path dataDir;
  AppContext usher;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T20:00:00Z"));
  final FakeMediaServers media = new FakeMediaServers();
  FakeMediaServers.Fake tower;
  int tries;

  @BeforeProperty
  void aLedgerWithAPlexCustomer() throws IOException {
    dataDir = Files.createTempDirectory("usher-places");
    usher = new AppContext(dataDir, clock, s -> media);
    Fixtures.monthly(usher, "Monthly", "10");
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1.41"));
    tower = media.server("http://tower:32400").library("1", "Movies");
    usher.servers().addPlex("good-token", null, "abc123", null, null);
    Library l = usher.servers().libraries("Tower").getFirst();
    usher.servers().setGroup(l.id(), "Standard");
    usher.invites().invite(InviteRequest.of("alice@example.com", "Monthly", "Tower"));
  }

  @AfterProperty
  void removeTheLedger() throws IOException {
    usher.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 60)
  void anyPlaceOnEarthIsKeptAndReadBack(
      @ForAll @DoubleRange(min = -90, max = 90) double latitude,
      @ForAll @DoubleRange(min = -180, max = 180) double longitude,
      @ForAll @StringLength(max = 400) String city,
      @ForAll @StringLength(max = 200) String country) {
    tries++;
    // A network of its own each time: from the fourth, alice is listed with every stream.
    String address = "203.0." + tries + ".7";
    String named = city.isBlank() ? null : city;
    String from = country.isBlank() ? null : country;
    media.places.put(address, new Place(latitude, longitude, named, from));
    clock.advance(Duration.ofMinutes(5));
    tower.streams.clear();
    tower.stream(
        new ActiveStream(
            "s" + tries, "acct-1", "alice", "TV", address, "directplay", "1080", "Pilot", false));
    usher.jobs().run("enforce", false);

    usher.jobs().run(PlacesJob.NAME, false);

    String expected =
        new Place(
                latitude,
                longitude,
                Inputs.clip(named, Place.MAX_CITY),
                Inputs.clip(from, Place.MAX_COUNTRY))
            .label();
    assertThat(media.located).contains(address);
    SharingService.Report report = usher.sharing().suspects(30);
    assertThat(report.streamsSeen()).isEqualTo(tries);
    List<SharingService.Seen> seen =
        report.rows().stream()
            .flatMap(r -> r.seen().stream())
            .filter(s -> address.equals(s.address()))
            .toList();
    if (tries > 3) {
      assertThat(seen).singleElement().extracting(SharingService.Seen::place).isEqualTo(expected);
    }
  }
}

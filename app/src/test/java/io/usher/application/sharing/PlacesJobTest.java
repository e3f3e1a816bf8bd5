package io.usher.application.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.invites.InviteRequest;
import io.usher.application.jobs.JobResult;
import io.usher.domain.media.ActiveStream;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.servers.Library;
import io.usher.domain.sharing.Place;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Impossible travel on a real ledger: streams seen by the enforcement pass, their addresses placed
 * by the places job through a fake plex.tv, the sharing report reading both.
 */
class PlacesJobTest {
  static final Instant NOW = Instant.parse("2026-11-22T20:00:00Z");
  static final String BERLIN = "203.0.113.7";
  static final String NEW_YORK = "198.51.100.4";

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;
  FakeMediaServers.Fake tower;

  @BeforeEach
  void open() {
    usher = open(dataDir);
    Fixtures.monthly(usher, "Monthly", "10");
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1.41"));
    tower = media.server("http://tower:32400").library("1", "Movies");
    usher.servers().addPlex("good-token", null, "abc123", null, null);
    Library l = usher.servers().libraries("Tower").getFirst();
    usher.servers().setGroup(l.id(), "Standard");
    usher.invites().invite(InviteRequest.of("alice@example.com", "Monthly", "Tower"));
    media.places.put(BERLIN, new Place(52.52, 13.405, "Berlin", "DE"));
    media.places.put(NEW_YORK, new Place(40.7128, -74.006, "New York", "US"));
  }

  @AfterEach
  void close() {
    usher.close();
  }

  /** One stream of alice's from {@code address}, seen for one enforcement pass. */
  void watch(String session, String address) {
    tower.streams.clear();
    tower.stream(
        new ActiveStream(
            session, "acct-1", "alice", "TV", address, "directplay", "1080", "Pilot", false));
    usher.jobs().run("enforce", false);
    tower.streams.clear();
  }

  @Test
  void placedAddressesShowAJourneyNobodyCouldMake() {
    watch("s1", BERLIN);
    clock.advance(Duration.ofMinutes(40));
    watch("s2", NEW_YORK);
    watch("s3", "192.168.1.20");

    JobResult result = usher.jobs().run(PlacesJob.NAME, false);

    assertThat(result.summary()).isEqualTo("2 addresses placed, 1 not placeable");
    assertThat(media.located)
        .as("a LAN address is never sent to plex.tv")
        .containsExactlyInAnyOrder(BERLIN, NEW_YORK);
    assertThat(media.locatedWith).isEqualTo("good-token");
    SharingService.Row row = usher.sharing().suspects(30).rows().getFirst();
    assertThat(row.suspect().travels()).isEqualTo(1);
    assertThat(row.suspect().evidence())
        .anySatisfy(e -> assertThat(e).contains("Berlin, DE then New York, US 40 minutes later"));
    assertThat(row.seen())
        .extracting(SharingService.Seen::place)
        .containsExactlyInAnyOrder(null, "New York, US", "Berlin, DE");

    media.located.clear();
    usher.jobs().run(PlacesJob.NAME, false);
    assertThat(media.located).as("an address is looked up once").isEmpty();
  }

  @Test
  void aDryRunListsWhatItWouldAskAndAsksNothing() {
    watch("s1", BERLIN);

    JobResult result = usher.jobs().run(PlacesJob.NAME, true);

    assertThat(result.summary()).isEqualTo("1 address would be looked up on plex.tv");
    assertThat(result.details()).containsExactly(BERLIN);
    assertThat(media.located).isEmpty();
  }

  @Test
  void plexTvDownStopsTheRunAndTheRestIsAskedNextTime() {
    watch("s1", BERLIN);
    watch("s2", NEW_YORK);
    media.failLocate.put("*", new MediaServerException(Kind.UNREACHABLE, "plex.tv is down."));

    JobResult down = usher.jobs().run(PlacesJob.NAME, false);

    assertThat(down.summary())
        .isEqualTo("0 addresses placed, 0 not placeable; stopped: plex.tv is down.");
    assertThat(media.located).hasSize(1);
    media.failLocate.clear();
    assertThat(usher.jobs().run(PlacesJob.NAME, false).summary())
        .isEqualTo("2 addresses placed, 0 not placeable");
  }

  @Test
  void anUnreadableAnswerForOneAddressDoesNotHoldUpTheOthers() {
    watch("s1", BERLIN);
    watch("s2", NEW_YORK);
    media.failLocate.put(
        NEW_YORK, new MediaServerException(Kind.UNEXPECTED_RESPONSE, "plex.tv sent nonsense."));

    assertThat(usher.jobs().run(PlacesJob.NAME, false).summary())
        .isEqualTo("1 address placed, 1 not placeable");
    media.located.clear();
    usher.jobs().run(PlacesJob.NAME, false);
    assertThat(media.located).isEmpty();
  }

  @Test
  void offOrForTheOwnersOwnAddressNothingIsAsked() {
    watch("s1", BERLIN);
    usher.settings().set("sharing.locate", "false");

    assertThat(usher.jobs().run(PlacesJob.NAME, false).summary())
        .isEqualTo("Off: sharing.locate is false.");
    usher.settings().set("sharing.locate", "true");
    usher.settings().set("sharing.own-addresses", BERLIN);
    assertThat(usher.jobs().run(PlacesJob.NAME, false).summary())
        .as("the owner's own address is never sent")
        .isEqualTo("0 addresses placed, 1 not placeable");
    assertThat(media.located).isEmpty();
  }

  @Test
  void aPlaceIsLookedUpAgainAfterThirtyOneDays() {
    watch("s1", BERLIN);
    usher.jobs().run(PlacesJob.NAME, false);
    clock.advance(Duration.ofDays(31).plusMinutes(1));
    watch("s2", BERLIN);

    usher.jobs().run(PlacesJob.NAME, false);

    assertThat(media.located).containsExactly(BERLIN, BERLIN);
  }

  /** The ledger the test works on; the PostgreSQL run of this suite opens its own there. */
  protected AppContext open(Path dataDir) {
    return new AppContext(dataDir, null, clock, s -> media);
  }
}

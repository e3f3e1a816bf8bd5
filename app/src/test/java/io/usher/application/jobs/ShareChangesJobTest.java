package io.usher.application.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.invites.InviteRequest;
import io.usher.domain.media.ServerKind;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanSpec;
import io.usher.domain.servers.Library;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a library changes group, active users' shares follow their plan, once. */
class ShareChangesJobTest {
  @TempDir Path dataDir;
  final FakeMediaServers media = new FakeMediaServers();
  FakeMediaServers.Fake den;
  AppContext usher;

  @BeforeEach
  void open() {
    usher =
        new AppContext(
            dataDir, new MutableClock(Instant.parse("2026-11-22T10:00:00Z")), s -> media);
    Fixtures.monthly(usher, "Monthly", "10");
    den = media.server("http://den:8096").library("f1", "Movies").library("f2", "Shows");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    usher.servers().setGroup(library("Movies").id(), "Standard");
    usher.invites().invite(InviteRequest.of("alice@example.com", "Monthly", "Den"));
    // The fake reports shares as pending until accepted; sync marks them accepted here.
    den.users.replaceAll(
        u ->
            new io.usher.domain.media.RemoteUser(
                u.accountId(),
                u.username(),
                u.email(),
                u.shareId(),
                u.libraryIds(),
                false,
                false,
                null,
                null,
                u.downloads()));
    usher.sync().run(null, io.usher.application.sync.SyncProgress.NONE);
  }

  @AfterEach
  void close() {
    usher.close();
  }

  Library library(String title) {
    return usher.servers().libraries("Den").stream()
        .filter(l -> l.title().equals(title))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aLibraryPutInThePlansGroupIsAddedToItsUsersOnce() {
    usher.servers().setGroup(library("Shows").id(), "Standard");

    JobResult dry = usher.jobs().run("shares", true);
    assertThat(dry.summary()).isEqualTo("1 share would change.");
    assertThat(den.users.getFirst().libraryIds()).containsExactly("f1");

    JobResult done = usher.jobs().run("shares", false);
    assertThat(done.summary()).isEqualTo("1 share changed.");
    assertThat(den.users.getFirst().libraryIds()).containsExactlyInAnyOrder("f1", "f2");

    assertThat(usher.jobs().run("shares", false).summary()).isEqualTo("0 shares changed.");
  }

  @Test
  void aPlanThatNowAllowsDownloadsGivesThemToItsUsersOnceAndKeepsTheirLibraries() {
    assertThat(den.users.getFirst().downloads()).as("shared as the plan was").isFalse();
    Plan monthly = usher.plans().list().getFirst();
    PlanSpec was = monthly.spec();
    usher
        .plans()
        .update(
            monthly.id(),
            new PlanSpec(
                was.name(),
                was.price(),
                was.duration(),
                was.groups(),
                was.maxStreams(),
                true,
                was.transcode(),
                was.maxDevices(),
                was.trial(),
                was.isDefault(),
                was.hidden(),
                was.maxSubs(),
                was.stripePriceId(),
                was.paypalPlanId()));

    JobResult dry = usher.jobs().run("shares", true);
    assertThat(dry.summary()).isEqualTo("1 share would change.");
    assertThat(dry.details())
        .containsExactly("alice@example.com on Den: Movies, downloads allowed (would change)");
    assertThat(den.users.getFirst().downloads()).isFalse();

    assertThat(usher.jobs().run("shares", false).summary()).isEqualTo("1 share changed.");
    assertThat(den.users.getFirst().downloads()).isTrue();
    assertThat(den.users.getFirst().libraryIds()).containsExactly("f1");
    assertThat(usher.jobs().run("shares", false).summary()).isEqualTo("0 shares changed.");
  }

  @Test
  void aServerThatCannotListItsUsersStillGetsItsLibrariesInLine() {
    usher.servers().setGroup(library("Shows").id(), "Standard");
    den.failUsers =
        new io.usher.domain.media.MediaServerException(
            io.usher.domain.media.MediaServerException.Kind.UNREACHABLE, "Den is not answering.");

    JobResult done = usher.jobs().run("shares", false);

    assertThat(done.summary()).isEqualTo("1 share changed.");
    assertThat(done.details()).contains("Den: downloads not checked, Den is not answering.");
    assertThat(den.users.getFirst().libraryIds()).containsExactlyInAnyOrder("f1", "f2");
  }
}

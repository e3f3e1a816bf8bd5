package io.usher.application.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.invites.InviteRequest;
import io.usher.application.jobs.Job;
import io.usher.application.jobs.JobResult;
import io.usher.application.sharing.SharingService;
import io.usher.domain.enforce.ActivityEntry;
import io.usher.domain.enforce.Outcome;
import io.usher.domain.enforce.Reason;
import io.usher.domain.media.ActiveStream;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.ServerKind;
import io.usher.domain.money.Money;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.outbox.Payload;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanSpec;
import io.usher.domain.servers.Library;
import io.usher.domain.servers.ServerSettings;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enforcement on a real ledger: users invited to in-memory Plex and Jellyfin servers, streams set
 * on those servers, the job run as the scheduler would.
 */
class EnforceJobTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;
  FakeMediaServers.Fake tower;
  FakeMediaServers.Fake den;
  Job job;

  @BeforeEach
  void open() {
    usher = open(dataDir);
    usher.plans().create(plan("Duo", 2, true));
    usher.plans().create(plan("Solo", 1, false));
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1.41"));
    tower = media.server("http://tower:32400").library("1", "Movies");
    den = media.server("http://den:8096").library("f1", "Movies");
    usher.servers().addPlex("good-token", null, "abc123", null, null);
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    group("Tower");
    group("Den");
    job =
        usher.jobs().jobs().stream()
            .filter(j -> j.name().equals("enforce"))
            .findFirst()
            .orElseThrow();
  }

  /** The ledger the test works on; the PostgreSQL run of this suite opens its own there. */
  protected AppContext open(Path dataDir) {
    return new AppContext(dataDir, null, clock, s -> media);
  }

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void theJobIsNamedEnforceAndRunsEveryFiveMinutes() {
    assertThat(usher.jobs().jobs())
        .filteredOn(j -> j.name().equals("enforce"))
        .singleElement()
        .isSameAs(job);
    assertThat(job.name()).isEqualTo("enforce");
    assertThat(job.every()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void theExcessOverThePlanAcrossServersIsStoppedTheFirstListedKeptAndTheUserMailedOnce() {
    invite("alice@example.com", "Duo", "Tower"); // Plex account acct-1 on Tower
    invite("alice@example.com", "Duo", "Den"); // Jellyfin user "alice" on Den
    tower.stream(stream("t1", "acct-1", "x", "directplay")).stream(
        stream("t2", "acct-1", "x", "copy"));
    den.stream(stream("d1", "nobody-knows", "ALICE", "directplay"));

    JobResult result = job.run(false);

    // Servers are read by name (Den before Tower), each in its own order: d1, t1 stay.
    assertThat(den.stopped).isEmpty();
    assertThat(tower.stopped).containsExactly("t2");
    assertThat(tower.stopMessages.getFirst()).contains("Duo plan allows 2 streams");
    assertThat(result.summary()).isEqualTo("1 stream stopped, 1 user notified");
    assertThat(mails(MailEvent.TOO_MANY_STREAMS))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.get("to")).isEqualTo("alice@example.com");
              assertThat(m.get("plan")).isEqualTo("Duo");
              assertThat(m.get("summary")).contains("Tower").contains("was stopped");
            });
  }

  @Test
  void stopAllStopsEveryStreamOfAUserOverTheLimit() {
    invite("alice@example.com", "Duo", "Tower");
    usher.settings().set("enforce.stop-all", "true");
    tower.stream(stream("t1", "acct-1", "x", "directplay")).stream(
        stream("t2", "acct-1", "x", "directplay"))
        .stream(stream("t3", "acct-1", "x", "directplay"));

    job.run(false);

    assertThat(tower.stopped).containsExactly("t1", "t2", "t3");
  }

  @Test
  void permanentUsersUnknownAccountsAndTheOwnerAreLeftAlone() {
    invite("alice@example.com", "Solo", "Tower");
    var alice = usher.users().byEmail("alice@example.com");
    usher
        .users()
        .update(alice.id(), new UserSpec(alice.email(), null, true, false, null, null, null, null));
    tower.stream(stream("t1", "acct-1", "x", "transcode")).stream(
        stream("t2", "acct-1", "x", "directplay"))
        .stream(stream("owner", "1", "owner", "transcode"))
        .stream(stream("stranger", "999", "stranger", "transcode"));

    JobResult result = job.run(false);

    assertThat(tower.stopped).isEmpty();
    assertThat(result.summary()).isEqualTo("0 streams stopped, 0 users notified");
    assertThat(usher.activity().recent(10)).isEmpty();
  }

  @Test
  void transcodingOnAPlanWithoutItIsStoppedAndMailedAsTranscodeNotAllowed() {
    invite("bob@example.com", "Solo", "Den");
    den.stream(stream("d1", "acct-1", "bob", "transcode"));

    job.run(false);

    assertThat(den.stopped).containsExactly("d1");
    assertThat(mails(MailEvent.TRANSCODE_NOT_ALLOWED)).hasSize(1);
    assertThat(mails(MailEvent.TOO_MANY_STREAMS)).isEmpty();
    assertThat(usher.activity().recent(10))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.TRANSCODE_NOT_ALLOWED));
  }

  @Test
  void fourKTranscodingIsStoppedOnlyOnAServerThatForbidsIt() {
    invite("alice@example.com", "Duo", "Tower");
    invite("alice@example.com", "Duo", "Den");
    usher.servers().update("Den", new ServerSettings(null, true, true, true, false, null, false));
    tower.stream(
        new ActiveStream("t1", "acct-1", "x", "TV", "1.2.3.4", "transcode", "4k", "A", false));
    den.stream(
        new ActiveStream("d1", "acct-1", "alice", "TV", "1.2.3.4", "transcode", "4k", "B", false));

    job.run(false);

    assertThat(tower.stopped).isEmpty();
    assertThat(den.stopped).containsExactly("d1");
    assertThat(usher.activity().recent(10))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.TRANSCODE_4K_NOT_ALLOWED));
    assertThat(mails(MailEvent.TRANSCODE_NOT_ALLOWED)).hasSize(1);
  }

  @Test
  void plexWithoutPlexPassNotifiesAndRecordsInsteadOfFailingTheJob() {
    invite("alice@example.com", "Solo", "Tower");
    tower.failStops =
        new MediaServerException(
            Kind.FEATURE_UNAVAILABLE, "Stopping streams on Tower needs Plex Pass.");
    tower.stream(stream("t1", "acct-1", "x", "directplay")).stream(
        stream("t2", "acct-1", "x", "directplay"));

    JobResult result = job.run(false);

    assertThat(result.summary())
        .isEqualTo("0 streams stopped, 1 not stoppable (users told), 1 user notified");
    assertThat(usher.activity().recent(10))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.sessionId()).isEqualTo("t2");
              assertThat(e.outcome()).isEqualTo(Outcome.NOT_STOPPABLE);
              assertThat(e.outcomeDetail()).contains("Plex Pass");
              assertThat(e.notified()).isTrue();
            });
    assertThat(mails(MailEvent.TOO_MANY_STREAMS))
        .singleElement()
        .satisfies(m -> assertThat(m.get("summary")).contains("could not be stopped"));
  }

  @Test
  void aSecondRunNeitherStopsNorMailsTheSameSessionAgain() {
    invite("alice@example.com", "Solo", "Tower");
    tower.failStops = new MediaServerException(Kind.FEATURE_UNAVAILABLE, "Needs Plex Pass.");
    tower.stream(stream("t1", "acct-1", "x", "directplay")).stream(
        stream("t2", "acct-1", "x", "directplay"));
    job.run(false);

    clock.advance(Duration.ofMinutes(5));
    tower.failStops = null;
    JobResult second = job.run(false);

    assertThat(tower.stopped).as("t2 was handled; t1 stays within the limit").isEmpty();
    assertThat(second.summary()).isEqualTo("0 streams stopped, 0 users notified");
    assertThat(usher.activity().recent(10)).hasSize(1);
    assertThat(mails(MailEvent.TOO_MANY_STREAMS)).hasSize(1);
  }

  @Test
  void aFailedStopIsLoggedNotMailedAndTriedAgainNextRun() {
    invite("alice@example.com", "Solo", "Den");
    den.failStops = new MediaServerException(Kind.UNREACHABLE, "Den did not answer.");
    den.stream(stream("d1", "acct-1", "alice", "directplay")).stream(
        stream("d2", "acct-1", "alice", "directplay"));

    JobResult first = job.run(false);
    den.failStops = null;
    clock.advance(Duration.ofMinutes(5));
    job.run(false);

    assertThat(first.summary()).isEqualTo("0 streams stopped, 1 failed, 0 users notified");
    assertThat(den.stopped).containsExactly("d2");
    assertThat(usher.activity().recent(10))
        .extracting(ActivityEntry::outcome)
        .containsExactly(Outcome.STOPPED, Outcome.FAILED);
    assertThat(mails(MailEvent.TOO_MANY_STREAMS)).hasSize(1);
  }

  @Test
  void aServerThatCannotBeReadDoesNotFailTheJob() {
    invite("alice@example.com", "Solo", "Den");
    tower.failStreams = new MediaServerException(Kind.UNREACHABLE, "Tower did not answer.");
    den.stream(stream("d1", "acct-1", "alice", "directplay")).stream(
        stream("d2", "acct-1", "alice", "directplay"));

    JobResult result = job.run(false);

    assertThat(den.stopped).containsExactly("d2");
    assertThat(result.summary()).endsWith("; 1 server could not be read");
    assertThat(result.details())
        .contains("could not read Plex server Tower: Tower did not answer.");
  }

  @Test
  void aDryRunSaysWhatWouldStopAndStopsRecordsAndMailsNothing() {
    invite("alice@example.com", "Solo", "Den");
    den.stream(stream("d1", "acct-1", "alice", "directplay")).stream(
        stream("d2", "acct-1", "alice", "transcode"));

    JobResult result = job.run(true);

    assertThat(den.stopped).isEmpty();
    assertThat(usher.activity().recent(10)).isEmpty();
    assertThat(mails(MailEvent.TOO_MANY_STREAMS)).isEmpty();
    assertThat(mails(MailEvent.TRANSCODE_NOT_ALLOWED)).isEmpty();
    assertThat(result.summary()).isEqualTo("1 stream would be stopped");
    assertThat(result.details())
        .singleElement()
        .asString()
        .startsWith("would stop session d2 of alice@example.com on Den (TV)")
        .contains("does not include transcoding");
  }

  @Test
  void theActivityLogListsWhenWhoWhereWhatWhyAndTheOutcomeNewestFirst() {
    invite("alice@example.com", "Solo", "Den");
    den.stream(
        new ActiveStream(
            "d1", "acct-1", "alice", "Roku", "198.51.100.7", "directplay", "1080", "Pilot", false))
        .stream(
            new ActiveStream(
                "d2",
                "acct-1",
                "alice",
                "Firefox",
                "203.0.113.9",
                "directplay",
                "1080",
                "Heat",
                true));
    job.run(false);
    clock.advance(Duration.ofMinutes(5));
    den.stream(
        new ActiveStream(
            "d3", "acct-1", "alice", "Firefox", "203.0.113.9", "transcode", "1080", "Heat", false));
    job.run(false);

    List<ActivityEntry> log = usher.activity().recent(10);

    assertThat(log).extracting(ActivityEntry::sessionId).containsExactly("d3", "d2");
    ActivityEntry first = log.getLast();
    assertThat(first.at()).isEqualTo(NOW);
    assertThat(first.user()).isEqualTo("alice@example.com");
    assertThat(first.userId()).isEqualTo(usher.users().byEmail("alice@example.com").id());
    assertThat(first.server()).isEqualTo("Den");
    assertThat(first.device()).isEqualTo("Firefox");
    assertThat(first.ip()).isEqualTo("203.0.113.9");
    assertThat(first.title()).isEqualTo("Heat");
    assertThat(first.reason()).isEqualTo(Reason.TOO_MANY_STREAMS);
    assertThat(first.why()).isEqualTo("2 streams at once; the Solo plan allows 1");
    assertThat(first.outcome()).isEqualTo(Outcome.STOPPED);
    assertThat(log.getFirst().at()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    assertThat(log.getFirst().reason()).isEqualTo(Reason.TRANSCODE_NOT_ALLOWED);
    assertThat(usher.activity().recent(1)).hasSize(1);
  }

  @Test
  void disabledServersAreNotRead() {
    invite("alice@example.com", "Solo", "Den");
    usher.servers().update("Den", new ServerSettings(null, false, true, true, false, null, true));
    den.stream(stream("d1", "acct-1", "alice", "directplay")).stream(
        stream("d2", "acct-1", "alice", "directplay"));

    job.run(false);

    assertThat(den.stopped).isEmpty();
  }

  // --- helpers ---

  void invite(String email, String plan, String server) {
    usher.invites().invite(InviteRequest.of(email, plan, server));
  }

  List<Map<String, String>> mails(MailEvent event) {
    return usher.outbox().pending().stream()
        .filter(i -> i.kind().equals("mail"))
        .map(i -> Payload.decode(i.payload()))
        .filter(m -> event.name().equals(m.get("event")))
        .toList();
  }

  void group(String server) {
    Library l = usher.servers().libraries(server).getFirst();
    usher.servers().setGroup(l.id(), "Standard");
  }

  @Test
  void theStreamsSeenAreKeptOncePerSessionAndShowWhoWatchesFromTwoNetworksAtOnce() {
    invite("alice@example.com", "Duo", "Tower");
    tower.stream(
        new ActiveStream(
            "t1", "acct-1", "x", "TV", "203.0.113.7", "directplay", "1080", "Pilot", false))
        .stream(
            new ActiveStream(
                "t2",
                "acct-1",
                "x",
                "Phone",
                "198.51.100.4",
                "directplay",
                "1080",
                "Pilot",
                false));

    job.run(false);
    clock.advance(Duration.ofMinutes(5));
    job.run(false);

    SharingService.Report report = usher.sharing().suspects(30);
    assertThat(report.streamsSeen()).as("one sighting per session, not per pass").isEqualTo(2);
    assertThat(report.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.email()).isEqualTo("alice@example.com");
              assertThat(r.plan()).isEqualTo("Duo");
              assertThat(r.streams()).isEqualTo(2);
              assertThat(r.suspect().overlaps()).isEqualTo(1);
              assertThat(r.suspect().score()).isEqualTo(3);
            });

    usher.settings().set("sharing.own-addresses", "198.51.100.4");
    assertThat(usher.sharing().suspects(30).rows()).isEmpty();
    usher.settings().set("sharing.own-addresses", "");

    tower.streams.clear();
    clock.advance(EnforceJob.SIGHTINGS_KEPT.plusMinutes(5));
    job.run(false);
    assertThat(usher.sharing().suspects(30).streamsSeen()).as("forgotten after 31 days").isZero();
  }

  static ActiveStream stream(String session, String accountId, String username, String decision) {
    return new ActiveStream(
        session, accountId, username, "TV", "10.0.0.2", decision, "1080", "Pilot", false);
  }

  static PlanSpec plan(String name, int streams, boolean transcode) {
    return new PlanSpec(
        name,
        Money.parse("10", Money.currency("USD")),
        PlanDuration.months(1),
        List.of("Standard"),
        streams,
        false,
        transcode,
        null,
        false,
        false,
        false,
        0,
        null);
  }
}

package io.usher.application.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.invites.InviteRequest;
import io.usher.application.jobs.Job;
import io.usher.application.jobs.JobResult;
import io.usher.domain.enforce.ActivityEntry;
import io.usher.domain.enforce.Outcome;
import io.usher.domain.enforce.Reason;
import io.usher.domain.media.DevicePolicy;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.RemoteDevice;
import io.usher.domain.media.ServerKind;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.outbox.Payload;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanSpec;
import io.usher.domain.servers.Library;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan's Emby device limit on a real ledger: users invited to an in-memory Emby server that
 * lists devices and keeps device policies, the job run as the scheduler would.
 */
class DevicesJobTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;
  FakeMediaServers.Fake attic;
  FakeMediaServers.Fake den;
  Job job;

  @BeforeEach
  void open() {
    usher = open(dataDir);
    usher.plans().create(plan("Duo", 2));
    usher.plans().create(plan("Open", null));
    attic = media.server("http://attic:8096").library("b8f1", "Movies");
    attic.controlsDevices = true;
    den = media.server("http://den:8096").library("f1", "Movies");
    den.controlsDevices = true;
    usher.servers().addMediaBrowser(ServerKind.EMBY, "Attic", "http://attic:8096", "k");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    group("Attic");
    group("Den");
    job =
        usher.jobs().jobs().stream()
            .filter(j -> j.name().equals(DevicesJob.NAME))
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
  void theJobIsNamedDevicesAndRunsEveryFiveMinutes() {
    assertThat(job.name()).isEqualTo("devices");
    assertThat(job.every()).isEqualTo(Duration.ofMinutes(5));
    assertThat(job.description()).contains("Emby").contains("devices");
  }

  @Test
  void belowTheLimitTheUserMayStillAddDevicesAndNothingIsWritten() {
    invite("alice@example.com", "Duo", "Attic");
    attic.devices.add(device("d1", "acct-1", 1));

    JobResult result = job.run(false);

    assertThat(attic.devicePolicyWrites).isZero();
    assertThat(attic.forgotten).isEmpty();
    assertThat(result.summary())
        .isEqualTo("0 users held to their devices, 0 users freed, 0 devices signed out");
  }

  @Test
  void atTheLimitTheUserIsHeldToTheDevicesInUseByBothTheirIds() {
    invite("alice@example.com", "Duo", "Attic");
    attic.devices.add(device("d1", "acct-1", 1));
    attic.devices.add(device("d2", "acct-1", 2));
    attic.devices.add(device("d9", "someone-else", 3));

    JobResult result = job.run(false);

    assertThat(attic.devicePolicies.get("acct-1"))
        .isEqualTo(DevicePolicy.only(Set.of("d1", "app-d1", "d2", "app-d2")));
    assertThat(attic.forgotten).isEmpty();
    assertThat(result.summary())
        .isEqualTo("1 user held to their devices, 0 users freed, 0 devices signed out");
    assertThat(result.details())
        .containsExactly("alice@example.com on Attic: held to the 2 devices in use");

    job.run(false);
    assertThat(attic.devicePolicyWrites).as("a policy already right is not written").isOne();
  }

  @Test
  void overTheLimitTheLeastRecentlyUsedDevicesAreSignedOutAndLogged() {
    invite("alice@example.com", "Duo", "Attic");
    attic.devices.add(device("old", "acct-1", 1));
    attic.devices.add(device("new", "acct-1", 30));
    attic.devices.add(new RemoteDevice("never", null, "Kodi", null, "acct-1", null));
    attic.devices.add(device("mid", "acct-1", 10));

    JobResult result = job.run(false);

    assertThat(attic.forgotten).containsExactly("old", "never");
    assertThat(attic.devicePolicies.get("acct-1"))
        .isEqualTo(DevicePolicy.only(Set.of("new", "app-new", "mid", "app-mid")));
    assertThat(result.summary())
        .isEqualTo("1 user held to their devices, 0 users freed, 2 devices signed out");
    List<ActivityEntry> log = usher.activity().recent(10);
    assertThat(log).hasSize(2);
    assertThat(log)
        .allSatisfy(
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_DEVICES);
              assertThat(e.outcome()).isEqualTo(Outcome.STOPPED);
              assertThat(e.user()).isEqualTo("alice@example.com");
              assertThat(e.server()).isEqualTo("Attic");
              assertThat(e.why())
                  .isEqualTo(
                      "4 Emby devices on a plan that allows 2: the least recently used is signed"
                          + " out");
            });
    assertThat(log).extracting(ActivityEntry::device).containsExactlyInAnyOrder("TV old", "Kodi");
    assertThat(log).allSatisfy(e -> assertThat(e.notified()).isTrue());
    assertThat(mails())
        .as("one mail for both devices")
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m)
                  .containsEntry("to", "alice@example.com")
                  .containsEntry("plan", "Duo")
                  .containsEntry("server", "Attic");
              assertThat(m.get("summary").lines()).containsExactlyInAnyOrder("- TV old", "- Kodi");
            });
  }

  List<Map<String, String>> mails() {
    return usher.outbox().pending().stream()
        .filter(i -> i.kind().equals("mail"))
        .map(i -> Payload.decode(i.payload()))
        .filter(m -> MailEvent.TOO_MANY_DEVICES.name().equals(m.get("event")))
        .toList();
  }

  @Test
  void aDeviceTheOwnerRemovesFreesItsPlace() {
    invite("alice@example.com", "Duo", "Attic");
    attic.devices.add(device("d1", "acct-1", 1));
    attic.devices.add(device("d2", "acct-1", 2));
    job.run(false);
    attic.devices.removeIf(d -> d.id().equals("d1"));

    JobResult result = job.run(false);

    assertThat(attic.devicePolicies.get("acct-1")).isEqualTo(DevicePolicy.ANY);
    assertThat(result.details())
        .containsExactly("alice@example.com on Attic: may sign in on new devices again");
  }

  @Test
  void permanentUsersPlansWithoutALimitAndOtherServersMayUseAnyDevice() {
    invite("alice@example.com", "Duo", "Attic");
    invite("bob@example.com", "Open", "Attic");
    invite("carol@example.com", "Duo", "Den");
    var alice = usher.users().byEmail("alice@example.com");
    usher
        .users()
        .update(alice.id(), new UserSpec(alice.email(), null, true, false, null, null, null, null));
    for (String account : List.of("acct-1", "acct-2")) {
      attic.devicePolicies.put(account, DevicePolicy.only(Set.of("x")));
      for (int i = 0; i < 3; i++) {
        attic.devices.add(device(account + "-" + i, account, i));
      }
    }
    for (int i = 0; i < 3; i++) {
      den.devices.add(device("j" + i, "acct-1", i));
    }

    JobResult result = job.run(false);

    assertThat(attic.forgotten).isEmpty();
    assertThat(den.forgotten).as("Jellyfin's devices are not the plan's Emby devices").isEmpty();
    assertThat(den.devicePolicyWrites).isZero();
    assertThat(attic.devicePolicies.get("acct-1"))
        .as("permanent users are the owner's own: left as they are")
        .isEqualTo(DevicePolicy.only(Set.of("x")));
    assertThat(attic.devicePolicies.get("acct-2"))
        .as("a plan without a limit frees a user held before")
        .isEqualTo(DevicePolicy.ANY);
    assertThat(result.summary())
        .isEqualTo("0 users held to their devices, 1 user freed, 0 devices signed out");
  }

  @Test
  void whileNoPlanLimitsDevicesEmbyIsLeftAlone() {
    invite("bob@example.com", "Open", "Attic");
    attic.devicePolicies.put("acct-1", DevicePolicy.only(Set.of("set-by-the-owner")));
    attic.failDevices = new MediaServerException(Kind.UNREACHABLE, "Nobody should ask.");
    var duo = usher.plans().byName("Duo");
    var spec = duo.spec();
    usher
        .plans()
        .update(
            duo.id(),
            new PlanSpec(
                spec.name(),
                spec.price(),
                spec.duration(),
                spec.groups(),
                spec.maxStreams(),
                spec.downloads(),
                spec.transcode(),
                null,
                spec.trial(),
                spec.isDefault(),
                spec.hidden(),
                spec.maxSubs(),
                spec.stripePriceId(),
                spec.paypalPlanId()));

    JobResult result = job.run(false);

    assertThat(result.summary())
        .isEqualTo("No plan limits Emby devices: Emby's device settings are left as they are.");
    assertThat(attic.devicePolicies.get("acct-1"))
        .isEqualTo(DevicePolicy.only(Set.of("set-by-the-owner")));
    assertThat(attic.devicePolicyWrites).isZero();
  }

  @Test
  void anExpiredUserIsLeftToExpiry() {
    invite("alice@example.com", "Duo", "Attic");
    for (int i = 0; i < 3; i++) {
      attic.devices.add(device("d" + i, "acct-1", i));
    }
    clock.advance(Duration.ofDays(40));

    job.run(false);

    assertThat(attic.forgotten).isEmpty();
    assertThat(attic.devicePolicyWrites).isZero();
  }

  @Test
  void aFailedSignOutIsLoggedAndTriedAgainOnTheNextRun() {
    invite("alice@example.com", "Duo", "Attic");
    for (int i = 0; i < 3; i++) {
      attic.devices.add(device("d" + i, "acct-1", i));
    }
    attic.failForget = new MediaServerException(Kind.UNREACHABLE, "Emby server Attic is down.");

    JobResult failed = job.run(false);

    assertThat(failed.summary())
        .isEqualTo("1 user held to their devices, 0 users freed, 0 devices signed out, 1 failed");
    assertThat(mails()).as("a device still signed in is not mailed about").isEmpty();
    assertThat(usher.activity().recent(10))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
              assertThat(e.outcomeDetail()).isEqualTo("Emby server Attic is down.");
            });

    attic.failForget = null;
    job.run(false);
    assertThat(attic.forgotten).containsExactly("d0");
  }

  @Test
  void anUnreadableServerIsSaidAndChangesNothing() {
    invite("alice@example.com", "Duo", "Attic");
    attic.failDevices = new MediaServerException(Kind.UNAUTHORIZED, "Attic refused the API key.");

    JobResult result = job.run(false);

    assertThat(result.summary()).endsWith("; 1 server could not be read");
    assertThat(result.details())
        .containsExactly("could not read Emby server Attic: Attic refused the API key.");
    assertThat(attic.devicePolicyWrites).isZero();
  }

  @Test
  void aDryRunSaysWhatWouldHappenAndChangesNothing() {
    invite("alice@example.com", "Duo", "Attic");
    for (int i = 0; i < 3; i++) {
      attic.devices.add(device("d" + i, "acct-1", i));
    }

    JobResult result = job.run(true);

    assertThat(attic.devicePolicyWrites).isZero();
    assertThat(attic.forgotten).isEmpty();
    assertThat(usher.activity().recent(10)).isEmpty();
    assertThat(result.summary()).isEqualTo("2 changes would be made");
    assertThat(result.details())
        .containsExactly(
            "alice@example.com on Attic would be held to the 2 devices in use",
            "alice@example.com on Attic: TV d0 would be signed out (3 Emby devices on a plan that"
                + " allows 2: the least recently used is signed out)");
  }

  // --- helpers ---

  /** A device last used {@code minutes} after an hour before now, by {@code account}. */
  static RemoteDevice device(String id, String account, int minutes) {
    return new RemoteDevice(
        id,
        "app-" + id,
        "TV " + id,
        null,
        account,
        NOW.minus(Duration.ofHours(1)).plus(Duration.ofMinutes(minutes)));
  }

  void invite(String email, String plan, String server) {
    usher.invites().invite(InviteRequest.of(email, plan, server));
  }

  void group(String server) {
    Library l = usher.servers().libraries(server).getFirst();
    usher.servers().setGroup(l.id(), "Standard");
  }

  static PlanSpec plan(String name, Integer devices) {
    return Fixtures.plan(name, "10", PlanDuration.months(1), devices);
  }
}

package io.usher.application.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.jobs.Job;
import io.usher.application.jobs.JobResult;
import io.usher.application.payments.ManualPayment;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanSpec;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roles job on a real ledger, against a fake Discord that records every call. */
class DiscordRolesJobTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final String GUILD = "900100";
  static final String SUBSCRIBER = "700001";
  static final String TRIAL = "700002";
  static final String ALICE = "100000000001";
  static final String BOB = "100000000002";
  static final String CAROL = "100000000003";

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final MockWebServer discord = new MockWebServer();
  final List<String> calls = new CopyOnWriteArrayList<>();
  final Set<String> absent = ConcurrentHashMap.newKeySet();
  AppContext usher;
  Job job;

  @BeforeEach
  void open() throws IOException {
    discord.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath().replace("/api/v10", "");
            calls.add(request.getMethod() + " " + path);
            if (absent.stream().anyMatch(path::contains)) {
              return new MockResponse.Builder()
                  .code(404)
                  .body("{\"message\":\"Unknown Member\",\"code\":10007}")
                  .build();
            }
            return new MockResponse.Builder().code(204).build();
          }
        });
    discord.start();
    usher = new AppContext(dataDir, clock, s -> new FakeMediaServers());
    usher.settings().set("discord.api-url", discord.url("/api/v10").toString());
    usher.settings().set("discord.bot-token", "bot-token-secret-1234");
    usher.settings().set("discord.guild-id", GUILD);
    usher.settings().set("discord.subscriber-role", SUBSCRIBER);
    usher.settings().set("discord.trial-role", TRIAL);
    Fixtures.monthly(usher, "Monthly", "10");
    usher.plans().create(trialPlan());
    job =
        usher.jobs().jobs().stream()
            .filter(j -> j.name().equals("discord"))
            .findFirst()
            .orElseThrow();
  }

  @AfterEach
  void close() {
    usher.close();
    discord.close();
  }

  @Test
  void theJobIsNamedDiscordAndRunsHourly() {
    assertThat(job.name()).isEqualTo("discord");
    assertThat(job.every()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void subscribersGetTheSubscriberRoleAndTrialUsersTheTrialRoleOnce() {
    user("alice@example.com", ALICE, "Monthly");
    user("bob@example.com", BOB, "Trial");
    usher.users().create(UserSpec.withEmail("nodiscord@example.com"));
    usher.payments().record(ManualPayment.of("nodiscord@example.com", "Monthly"));

    JobResult first = job.run(false);

    assertThat(calls)
        .containsExactlyInAnyOrder(
            "PUT /guilds/" + GUILD + "/members/" + ALICE + "/roles/" + SUBSCRIBER,
            "PUT /guilds/" + GUILD + "/members/" + BOB + "/roles/" + TRIAL);
    assertThat(first.summary()).isEqualTo("2 Discord changes");
    assertThat(first.details())
        .contains(
            "alice@example.com got the Discord subscriber role",
            "bob@example.com got the Discord trial role");

    calls.clear();
    JobResult second = job.run(false);

    assertThat(calls).isEmpty();
    assertThat(second.summary()).isEqualTo("Discord roles are up to date");
  }

  @Test
  void whenAccessEndsTheRoleIsTakenAwayOnce() {
    user("alice@example.com", ALICE, "Monthly");
    job.run(false);
    calls.clear();

    clock.advance(Duration.ofDays(40));
    job.run(false);
    job.run(false);

    assertThat(calls)
        .containsExactly("DELETE /guilds/" + GUILD + "/members/" + ALICE + "/roles/" + SUBSCRIBER);
  }

  @Test
  void aTrialUserWhoPaysMovesFromTheTrialRoleToTheSubscriberRole() {
    user("bob@example.com", BOB, "Trial");
    job.run(false);
    calls.clear();

    clock.advance(Duration.ofDays(8));
    usher.payments().record(ManualPayment.of("bob@example.com", "Monthly"));
    job.run(false);

    assertThat(calls)
        .containsExactlyInAnyOrder(
            "DELETE /guilds/" + GUILD + "/members/" + BOB + "/roles/" + TRIAL,
            "PUT /guilds/" + GUILD + "/members/" + BOB + "/roles/" + SUBSCRIBER);
  }

  @Test
  void usersExpiredLongerThanTheKickDaysAreRemovedOnce() {
    usher.settings().set("discord.kick-after-days", "30");
    user("alice@example.com", ALICE, "Monthly");
    expired("carol@example.com", CAROL, Duration.ofDays(10));
    job.run(false);
    assertThat(calls)
        .containsExactly("PUT /guilds/" + GUILD + "/members/" + ALICE + "/roles/" + SUBSCRIBER);
    calls.clear();

    clock.advance(Duration.ofDays(21));
    JobResult result = job.run(false);
    job.run(false);

    assertThat(calls).containsExactly("DELETE /guilds/" + GUILD + "/members/" + CAROL);
    assertThat(result.details()).contains("carol@example.com was removed from the Discord server");
  }

  @Test
  void withoutKickDaysNobodyIsKicked() {
    expired("carol@example.com", CAROL, Duration.ofDays(400));

    job.run(false);

    assertThat(calls).isEmpty();
  }

  @Test
  void aUserNotInTheServerIsReportedAndAskedAboutAgainADayLater() {
    user("alice@example.com", ALICE, "Monthly");
    absent.add(ALICE);

    JobResult result = job.run(false);
    job.run(false);
    assertThat(result.details()).containsExactly("alice@example.com is not in the Discord server");
    assertThat(calls).hasSize(1);

    absent.clear();
    clock.advance(Duration.ofHours(25));
    job.run(false);
    assertThat(calls)
        .hasSize(2)
        .last()
        .isEqualTo("PUT /guilds/" + GUILD + "/members/" + ALICE + "/roles/" + SUBSCRIBER);
  }

  @Test
  void aDryRunSaysWhatWouldChangeAndCallsNothing() {
    user("alice@example.com", ALICE, "Monthly");

    JobResult dry = job.run(true);

    assertThat(calls).isEmpty();
    assertThat(dry.summary()).isEqualTo("1 Discord change would be made");
    assertThat(dry.details())
        .containsExactly("alice@example.com would get the Discord subscriber role");
    job.run(false);
    assertThat(calls).hasSize(1);
  }

  @Test
  void withoutATokenOrServerTheJobSaysSoAndDoesNothing() {
    user("alice@example.com", ALICE, "Monthly");
    usher.settings().set("discord.guild-id", "");

    assertThat(job.run(false).summary()).isEqualTo("Discord is not set up");
    usher.settings().set("discord.guild-id", GUILD);
    usher.settings().set("discord.bot-token", "");
    assertThat(job.run(false).summary()).isEqualTo("Discord is not set up");
    assertThat(calls).isEmpty();
  }

  @Test
  void aChangedRoleSettingMovesUsersToTheNewRole() {
    user("alice@example.com", ALICE, "Monthly");
    job.run(false);
    calls.clear();

    usher.settings().set("discord.subscriber-role", "700009");
    job.run(false);

    assertThat(calls)
        .containsExactly(
            "DELETE /guilds/" + GUILD + "/members/" + ALICE + "/roles/" + SUBSCRIBER,
            "PUT /guilds/" + GUILD + "/members/" + ALICE + "/roles/700009");
  }

  void user(String email, String discordId, String plan) {
    usher.users().create(new UserSpec(email, null, false, false, null, discordId, null, null));
    usher.payments().record(ManualPayment.of(email, plan));
  }

  void expired(String email, String discordId, Duration ago) {
    usher.users().create(new UserSpec(email, null, false, false, null, discordId, null, null));
    Instant end = NOW.minus(ago);
    usher
        .payments()
        .record(
            new ManualPayment(
                email,
                "Monthly",
                null,
                null,
                null,
                null,
                end.minus(Duration.ofDays(30)),
                end,
                null));
  }

  static PlanSpec trialPlan() {
    PlanSpec base = Fixtures.plan("Trial", "0", PlanDuration.days(7));
    return new PlanSpec(
        base.name(),
        base.price(),
        base.duration(),
        base.groups(),
        base.maxStreams(),
        base.downloads(),
        base.transcode(),
        base.maxDevices(),
        true,
        false,
        false,
        0,
        null);
  }
}

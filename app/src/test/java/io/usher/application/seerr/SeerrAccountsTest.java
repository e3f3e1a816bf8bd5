package io.usher.application.seerr;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.invites.InviteRequest;
import io.usher.application.sync.SyncProgress;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.media.ServerKind;
import io.usher.domain.outbox.OutboxItem;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seerr accounts follow access, on a real ledger, against a fake Seerr answering as Seerr's API
 * does (seerr-api.yml): import-from-jellyfin makes accounts for the Jellyfin ids it is given that
 * it does not have yet (201 with those made), {@code GET /user} pages its accounts, and {@code
 * DELETE /user/{id}} removes one (404 once gone).
 */
class SeerrAccountsTest {
  static final String KEY = "seerr-api-key-5678";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  final FakeMediaServers media = new FakeMediaServers();
  final MockWebServer seerr = new MockWebServer();
  final List<String> calls = new CopyOnWriteArrayList<>();

  /** Seerr's accounts: its id → {email, jellyfin id}; id 1 is Seerr's owner. */
  final Map<Long, String[]> accounts = new ConcurrentHashMap<>();

  final AtomicLong nextId = new AtomicLong(7);
  final AtomicInteger failures = new AtomicInteger();
  FakeMediaServers.Fake den;
  AppContext usher;

  @BeforeEach
  void open() throws IOException {
    accounts.put(1L, new String[] {"owner@example.com", "owner-jf"});
    seerr.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer(request);
          }
        });
    seerr.start();
    usher = open(dataDir);
    usher.settings().set("seerr.url", seerr.url("/").toString());
    usher.settings().set("seerr.api-key", KEY);
    usher.settings().set("expiry.grace-days", "3");
    Fixtures.monthly(usher, "Monthly", "10");
    den = media.server("http://den:8096").library("f1", "Movies");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    usher.servers().setGroup(usher.servers().libraries("Den").getFirst().id(), "Standard");
  }

  @AfterEach
  void close() {
    usher.close();
    seerr.close();
  }

  @Test
  void anAcceptedUserGetsASeerrAccountOnceAndLosesItAfterTheGraceDays() {
    invitedAndAccepted("alice@example.com");

    assertThat(usher.jobs().run("seerr", false).summary())
        .isEqualTo("Seerr: queued 1 to add and 0 to remove.");
    usher.outbox().runDue();

    assertThat(calls)
        .containsExactly(
            "GET /api/v1/user?take=100&skip=0&sort=created",
            "POST /api/v1/user/import-from-jellyfin {" + jellyfinId() + "}");
    assertThat(accounts).containsKey(7L);
    assertThat(usher.jobs().run("seerr", false).summary())
        .isEqualTo("Seerr accounts are in step with access.");
    usher.outbox().runDue();
    assertThat(calls).hasSize(2);

    // A month and two days on, within the grace days, the account stays.
    clock.advance(Duration.ofDays(32));
    usher.jobs().run("expire", false);
    usher.jobs().run("seerr", false);
    usher.outbox().runDue();
    assertThat(calls).hasSize(2);

    clock.advance(Duration.ofDays(2));
    usher.jobs().run("expire", false);
    assertThat(usher.jobs().run("seerr", false).summary())
        .isEqualTo("Seerr: queued 0 to add and 1 to remove.");
    usher.outbox().runDue();

    assertThat(calls).last().isEqualTo("DELETE /api/v1/user/7");
    assertThat(accounts).doesNotContainKey(7L).containsKey(1L);
    assertThat(usher.jobs().run("seerr", false).summary())
        .isEqualTo("Seerr accounts are in step with access.");
  }

  @Test
  void aPendingInviteGetsNoAccountUntilItIsAccepted() {
    usher.invites().invite(InviteRequest.of("alice@example.com", "Monthly", "Den"));

    assertThat(usher.jobs().run("seerr", false).summary())
        .isEqualTo("Seerr accounts are in step with access.");
    assertThat(calls).isEmpty();
  }

  @Test
  void anAccountSeerrAlreadyHadIsTakenByItsEmailAndRemovedWhenAccessEnds() {
    invitedAndAccepted("alice@example.com");
    accounts.put(3L, new String[] {"Alice@Example.com", jellyfinId()});

    var run = usher.jobs().run("seerr", false);
    usher.outbox().runDue();

    assertThat(run.summary()).isEqualTo("Seerr: 1 found in Seerr already; in step with access.");
    assertThat(run.details()).containsExactly("found alice@example.com in Seerr (#3)");
    assertThat(calls)
        .as("one read of Seerr's users, not a call per user")
        .containsExactly("GET /api/v1/user?take=100&skip=0&sort=created");
    clock.advance(Duration.ofDays(40));
    usher.jobs().run("expire", false);
    usher.jobs().run("seerr", false);
    usher.outbox().runDue();
    assertThat(calls).last().isEqualTo("DELETE /api/v1/user/3");
  }

  @Test
  void aSeerrOutageWaitsInTheOutboxWithItsReasonAndIsDoneOnceSeerrIsBack() {
    invitedAndAccepted("alice@example.com");
    // Both the job's read of Seerr's users and the import fail.
    failures.set(2);

    usher.jobs().run("seerr", false);
    usher.outbox().runDue();

    OutboxItem waiting =
        usher.outbox().pending().stream()
            .filter(i -> i.kind().equals(SeerrAccounts.IMPORT))
            .findFirst()
            .orElseThrow();
    assertThat(waiting.lastError())
        .isEqualTo(
            "Seerr failed (HTTP 500) while importing a Jellyfin or Emby user; Usher tries again.")
        .doesNotContain(KEY);
    assertThat(usher.jobs().run("seerr", false).summary())
        .as("the job does not queue what already waits")
        .isEqualTo("Seerr accounts are in step with access.");

    clock.advance(Duration.ofMinutes(1));
    usher.outbox().runDue();
    assertThat(accounts).containsKey(7L);
    assertThat(usher.outbox().pending()).noneMatch(i -> i.kind().startsWith("seerr."));
  }

  @Test
  void seerrsOwnerIsNeverTakenForACustomer() {
    // Seerr's owner signed in with the very Jellyfin account alice is given.
    invitedAndAccepted("alice@example.com");
    accounts.put(1L, new String[] {"alice@example.com", jellyfinId()});

    usher.jobs().run("seerr", false);
    usher.outbox().runDue();

    assertThat(usher.outbox().pending())
        .filteredOn(i -> i.kind().equals(SeerrAccounts.IMPORT))
        .singleElement()
        .extracting(OutboxItem::lastError)
        .asString()
        .startsWith("Seerr's account for alice@example.com is an administrator's");
    clock.advance(Duration.ofDays(40));
    usher.jobs().run("expire", false);
    usher.jobs().run("seerr", false);
    usher.outbox().runDue();
    assertThat(calls).noneMatch(c -> c.startsWith("DELETE"));
    assertThat(accounts).containsKey(1L);
  }

  @Test
  void aUserWhoRenewsBeforeTheRemovalRunsKeepsTheirAccount() {
    invitedAndAccepted("alice@example.com");
    usher.jobs().run("seerr", false);
    usher.outbox().runDue();
    clock.advance(Duration.ofDays(40));
    usher.jobs().run("expire", false);
    failures.set(1);
    usher.jobs().run("seerr", false);
    // Seerr failed the removal; meanwhile alice pays and is shared again.
    usher.outbox().runDue();
    usher.invites().invite(InviteRequest.of("alice@example.com", "Monthly", "Den"));

    clock.advance(Duration.ofMinutes(1));
    usher.outbox().runDue();

    assertThat(calls).noneMatch(c -> c.startsWith("DELETE"));
    assertThat(accounts).containsKey(7L);
  }

  @Test
  void withoutAnAddressNothingIsCalled() {
    usher.settings().set("seerr.url", "");
    invitedAndAccepted("alice@example.com");

    assertThat(usher.jobs().run("seerr", false).summary())
        .isEqualTo("Seerr is not set up (seerr.url and seerr.api-key): nothing to do.");
    assertThat(calls).isEmpty();
  }

  @Test
  void aDryRunNamesWhoWouldGetAnAccountAndQueuesNothing() {
    invitedAndAccepted("alice@example.com");

    var dry = usher.jobs().run("seerr", true);

    assertThat(dry.summary()).isEqualTo("Seerr: would queue 1 to add and 0 to remove.");
    assertThat(dry.details()).containsExactly("add alice@example.com");
    assertThat(usher.outbox().pending()).noneMatch(i -> i.kind().startsWith("seerr."));
  }

  /** Alice's account on Den, as the fake server made it. */
  private String jellyfinId() {
    return den.users.getFirst().accountId();
  }

  /** Invited on Den, then accepted as sync sees it (the fake reports shares pending until then). */
  private void invitedAndAccepted(String email) {
    usher.invites().invite(InviteRequest.of(email, "Monthly", "Den"));
    den.users.replaceAll(
        u ->
            new RemoteUser(
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
    usher.sync().run(null, SyncProgress.NONE);
  }

  private MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    String query = request.getUrl().encodedQuery();
    String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    if (!KEY.equals(request.getHeaders().get("X-Api-Key"))) {
      return json(401, "{\"message\":\"Unauthorized\"}");
    }
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return json(500, "{\"message\":\"Something went wrong.\"}");
    }
    switch (request.getMethod() + " " + path) {
      case "POST /api/v1/user/import-from-jellyfin" -> {
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode id : JSON.readTree(body).path("jellyfinUserIds")) {
          ids.add(id.asString());
        }
        calls.add("POST " + path + " {" + String.join(",", ids) + "}");
        StringBuilder made = new StringBuilder("[");
        for (String id : ids) {
          boolean known = accounts.values().stream().anyMatch(a -> a[1].equals(id));
          if (!known) {
            long seerrId = nextId.getAndIncrement();
            accounts.put(seerrId, new String[] {"alice@example.com", id});
            made.append(made.length() > 1 ? "," : "").append(user(seerrId));
          }
        }
        return json(201, made.append("]").toString());
      }
      case "GET /api/v1/user" -> {
        calls.add("GET " + path + "?" + query);
        StringBuilder results = new StringBuilder();
        accounts.keySet().stream()
            .sorted()
            .forEach(id -> results.append(results.isEmpty() ? "" : ",").append(user(id)));
        return json(
            200,
            "{\"pageInfo\":{\"pages\":1,\"pageSize\":100,\"results\":"
                + accounts.size()
                + ",\"page\":1},\"results\":["
                + results
                + "]}");
      }
      default -> {
        if (request.getMethod().equals("DELETE") && path.startsWith("/api/v1/user/")) {
          calls.add("DELETE " + path);
          long id = Long.parseLong(path.substring("/api/v1/user/".length()));
          String[] gone = accounts.remove(id);
          return gone == null ? json(404, "{\"message\":\"User not found.\"}") : json(200, "{}");
        }
        return json(404, "{\"message\":\"Not found\"}");
      }
    }
  }

  private String user(long id) {
    String[] a = accounts.get(id);
    return "{\"id\":"
        + id
        + ",\"email\":\""
        + a[0]
        + "\",\"username\":null,\"plexUsername\":null,\"userType\":3,\"permissions\":"
        + (id == 1 ? 2 : 32)
        + ",\"createdAt\":\"2026-11-22T10:00:00.000Z\",\"updatedAt\":\"2026-11-22T10:00:00.000Z\","
        + "\"requestCount\":0}";
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  /** The ledger the test works on; the PostgreSQL run of this suite opens its own there. */
  protected AppContext open(Path dataDir) {
    return new AppContext(dataDir, null, clock, s -> media);
  }
}

package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.media.ServerKind;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 §7: a Jellyfin/Emby user found by sync has no email, so every command that takes a user
 * also takes #ID / id:ID (as `usher users` lists it) or the user's name (their name or a share's
 * account name, ignoring case); anything with an @ is an email, as before.
 */
class UserReferenceCliTest extends MediaCliTestBase {

  long alice;

  @BeforeEach
  void aJellyfinServerWhoseSyncBringsAUserWithoutEmail() {
    media
        .server("http://den:8096")
        .library("f1", "Movies")
        .user(new RemoteUser("u1", "Alice", null, null, List.of("f1"), false, false, null, null));
    try (AppContext context = new AppContext(dataDir, clock, settings -> media)) {
      context.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "key");
      context
          .servers()
          .libraries("Den")
          .forEach(l -> context.servers().setGroup(l.id(), "Standard"));
    }
    ok(
        "plan",
        "add",
        "--name",
        "Basic",
        "--price",
        "10",
        "--currency",
        "USD",
        "--months",
        "1",
        "--groups",
        "Standard",
        "--streams",
        "2",
        "--subs",
        "1");
    ok(
        "plan",
        "add",
        "--name",
        "Premium",
        "--price",
        "20",
        "--currency",
        "USD",
        "--months",
        "1",
        "--groups",
        "Standard",
        "--streams",
        "4",
        "--subs",
        "1");
    ok("sync");
    alice = json("users").get(0).get("id").asLong();
  }

  void refused(String sentence, String... args) {
    assertThat(usher(args)).as(err).isEqualTo(1);
    assertThat(err).isEqualTo(sentence + "\n");
  }

  @Test
  void theUsersTableShowsTheIdThatNamesAUserWithoutEmail() {
    ok("users");
    List<String> lines = out.lines().toList();
    assertThat(lines.get(0)).startsWith("ID  EMAIL  NAME");
    assertThat(lines.get(1)).startsWith(alice + "   -      Alice");
    JsonNode row = json("users").get(0);
    assertThat(row.get("email").isNull()).isTrue();
    assertThat(row.get("name").asString()).isEqualTo("Alice");
  }

  @Test
  void userSetTakesTheIdEitherWayOrTheNameInAnyCase() {
    ok("user", "set", "#" + alice, "--notes", "Pays in cash");
    assertThat(out.strip()).isEqualTo("Updated user Alice.");
    ok("user", "set", "id:" + alice, "--discord-name", "alice#1");
    JsonNode set = json("user", "set", "ALICE", "--email", "alice@example.com");
    assertThat(set.get("id").asLong()).isEqualTo(alice);
    assertThat(set.get("email").asString()).isEqualTo("alice@example.com");
    assertThat(set.get("notes").asString()).isEqualTo("Pays in cash");
    assertThat(set.get("discordName").asString()).isEqualTo("alice#1");
    // Once she has an email, the email names her as before.
    ok("user", "set", "alice@example.com", "--name", "Alice B");
    assertThat(out.strip()).isEqualTo("Updated user alice@example.com.");
  }

  @Test
  void aShareAccountNameNamesItsUserToo() {
    ok("user", "set", "alice", "--name", "Alice Liddell");
    // Her name changed; the account on Den is still "Alice".
    JsonNode set = json("user", "set", "alice", "--notes", "n");
    assertThat(set.get("id").asLong()).isEqualTo(alice);
    assertThat(set.get("name").asString()).isEqualTo("Alice Liddell");
    ok("user", "set", "alice liddell", "--notes", "by name");
  }

  @Test
  void paymentsAndPlanChangesReachAUserWithoutEmail() {
    // The sync recorded her access on the default plan, free: say she paid for it.
    String synced = json("payments", "--user", "Alice").get(0).get("txn").asString();
    ok("payment", "edit", "--txn", synced, "--amount", "10");
    clock.advance(java.time.Duration.ofDays(5));
    ok("plan", "change", "id:" + alice, "--plan", "Premium", "--dry-run");
    assertThat(out).contains("Dry run, nothing changed: Alice would move from Basic to Premium");
    JsonNode paid =
        json("payment", "add", "--email", "alice", "--plan", "Basic", "--txn", "pi_alice");
    assertThat(paid.get("txn").asString()).isEqualTo("pi_alice");
    ok("payment", "add", "--email", "#" + alice, "--plan", "Basic", "--txn", "pi_alice2");
    assertThat(out).contains(" for Alice: ");

    JsonNode hers = json("payments", "--user", "#" + alice);
    assertThat(hers.findValuesAsString("txn")).contains("pi_alice", "pi_alice2");

    ok("referrals", "code", "alice");
    assertThat(out).startsWith("Referral code of Alice: ");
  }

  @Test
  void linkUnlinkAndUnmatchedAssignTakeReferences() {
    ok("user", "add", "--email", "bob@example.com", "--name", "Bob");
    ok("payment", "add", "--email", "bob", "--plan", "Basic", "--txn", "pi_bob");
    ok("link", "Bob", "#" + alice);
    assertThat(out.strip()).isEqualTo("Linked Alice to bob@example.com (1 sub-account).");
    ok("unlink", "alice");
    assertThat(out.strip()).isEqualTo("Unlinked Alice.");

    try (AppContext context = new AppContext(dataDir, clock, settings -> media)) {
      context
          .webhooks()
          .apply(
              new io.usher.domain.payments.PaymentEvent(
                  "evt_1",
                  io.usher.domain.payments.PaymentEvent.Kind.PAID,
                  "pi_cash",
                  null,
                  "stranger@example.com",
                  null,
                  io.usher.domain.money.Money.parse(
                      "10.00", io.usher.domain.money.Money.currency("USD")),
                  NOW));
    }
    long waiting = json("unmatched").get(0).get("id").asLong();
    ok("unmatched", "assign", Long.toString(waiting), "--email", "Alice", "--plan", "Basic");
    assertThat(out).contains("for Alice");
    assertThat(json("payments", "--user", "alice").findValuesAsString("txn")).contains("pi_cash");
  }

  @Test
  void aNameSeveralUsersAnswerToIsRefusedListingThem() {
    ok("user", "add", "--email", "alice@example.com", "--name", "alice");
    long other =
        json("users").findValues("id").stream().mapToLong(JsonNode::asLong).max().orElse(0);

    refused(
        "2 users are called 'Alice' (#"
            + alice
            + " Alice, #"
            + other
            + " alice@example.com): give the one you mean as #ID.",
        "user",
        "set",
        "Alice",
        "--notes",
        "x");
    ok("user", "set", "#" + other, "--notes", "the other Alice");
  }

  @Test
  void anUnknownReferenceIsOneSentenceAndAnAtMeansAnEmail() {
    refused(
        "No user is called 'nobody': give their email, their #ID from `usher users`, or their"
            + " name or server account name.",
        "user",
        "set",
        "nobody",
        "--notes",
        "x");
    refused(
        "No user has the id 999: `usher users` lists the ids.",
        "payment",
        "add",
        "--email",
        "#999",
        "--plan",
        "Basic");
    refused(
        "'#alice' is not a user id: write #ID with the number `usher users` shows, as #12.",
        "payments",
        "--user",
        "#alice");
    refused(
        "There is no user with email nobody@den.example.",
        "referrals",
        "code",
        "nobody@den.example");
    refused(
        "There is no user with email nobody@example.com: add the user first.",
        "payment",
        "add",
        "--email",
        "nobody@example.com",
        "--plan",
        "Basic");
    refused("'alice@' is not a valid email address.", "user", "set", "alice@", "--notes", "x");
  }
}

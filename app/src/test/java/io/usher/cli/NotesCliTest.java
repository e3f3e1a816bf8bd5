package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13 §7: the fields the window's user and payment dialogs edit that the command line lacked:
 * a user's notes and Discord name, a payment's notes and subscription id. A blank value clears one,
 * as an emptied field does in the window.
 */
class NotesCliTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dataDir;
  CliRun cli;

  @BeforeEach
  void aUserWithAPayment() {
    cli = new CliRun(dataDir, new MutableClock(Instant.parse("2026-11-22T10:00:00Z")));
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
        "2");
    ok("user", "add", "--email", "bob@example.com");
    ok("payment", "add", "--email", "bob@example.com", "--plan", "Basic", "--txn", "pi_1");
  }

  void ok(String... args) {
    assertThat(cli.usher(args)).as(cli.err).isZero();
  }

  JsonNode json(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--json";
    System.arraycopy(args, 0, all, 1, args.length);
    ok(all);
    return JSON.readTree(cli.out);
  }

  @Test
  void userSetKeepsNotesAndDiscordNameUntilABlankClearsThem() {
    JsonNode set =
        json(
            "user",
            "set",
            "bob@example.com",
            "--notes",
            " Pays yearly ",
            "--discord-name",
            "bob_1");
    assertThat(set.get("notes").asString()).isEqualTo("Pays yearly");
    assertThat(set.get("discordName").asString()).isEqualTo("bob_1");

    JsonNode other = json("user", "set", "bob@example.com", "--name", "Bob");
    assertThat(other.get("notes").asString()).isEqualTo("Pays yearly");

    JsonNode cleared = json("user", "set", "bob@example.com", "--notes", "", "--discord-name", " ");
    assertThat(cleared.get("notes").isNull()).isTrue();
    assertThat(cleared.get("discordName").isNull()).isTrue();
    assertThat(cleared.get("name").asString()).isEqualTo("Bob");
  }

  @Test
  void tooLongUserFieldsAreRefusedInOneSentenceAndNothingChanges() {
    assertThat(cli.usher("user", "set", "bob@example.com", "--notes", "n".repeat(4001)))
        .isEqualTo(1);
    assertThat(cli.err).isEqualTo("The notes can be at most 4000 characters long.\n");
    assertThat(cli.usher("user", "set", "bob@example.com", "--discord-name", "d".repeat(201)))
        .isEqualTo(1);
    assertThat(cli.err).isEqualTo("The Discord name can be at most 200 characters long.\n");

    assertThat(json("user", "set", "bob@example.com").get("notes").isNull()).isTrue();
  }

  @Test
  void paymentEditSetsAndClearsTheSubscriptionIdAndNotes() {
    JsonNode edited =
        json("payment", "edit", "--txn", "pi_1", "--sub", "sub_123", "--notes", "paid by card");
    assertThat(edited.get("subscriptionId").asString()).isEqualTo("sub_123");
    assertThat(edited.get("notes").asString()).isEqualTo("paid by card");
    assertThat(json("payments").get(0).get("subscriptionId").asString()).isEqualTo("sub_123");

    JsonNode cleared = json("payment", "edit", "--txn", "pi_1", "--sub", "", "--notes", "");
    assertThat(cleared.get("subscriptionId").isNull()).isTrue();
    assertThat(cleared.get("notes").isNull()).isTrue();
  }
}

package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 13 §7: the mail templates of the Mail screen, from the command line. */
class TemplateCliTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dataDir;
  @TempDir Path files;
  CliRun cli;

  @BeforeEach
  void open() {
    cli = new CliRun(dataDir, new MutableClock(Instant.parse("2026-11-22T10:00:00Z")));
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
  void theListNamesEveryMailByItsCodeAndSaysWhichYouChanged() {
    ok("template", "list");
    assertThat(cli.out.lines().findFirst().orElseThrow()).startsWith("EVENT").contains("SUBJECT");
    assertThat(cli.out)
        .contains("welcome-plex", "expiring-soon", "account-link", "test")
        .doesNotContain("yes");

    ok("template", "set", "expiring-soon", "--subject", "Renew {plan} before {expires}");
    JsonNode list = json("template", "list");
    assertThat(list.findValuesAsString("event")).contains("welcome-account", "owner-alert");
    for (JsonNode t : list) {
      boolean changed = t.get("event").asString().equals("expiring-soon");
      assertThat(t.get("customised").asBoolean()).as(t.toString()).isEqualTo(changed);
    }
  }

  @Test
  void setChangesWhatIsGivenAndResetBringsBackUshersWording() {
    JsonNode before = json("template", "show", "EXPIRED");
    assertThat(before.get("ok").asBoolean()).isTrue();
    assertThat(before.get("customised").asBoolean()).isFalse();
    String usherBody = before.get("body").asString();

    ok("template", "set", "expired", "--subject", "Bye from {server}");
    assertThat(cli.out.strip())
        .isEqualTo("Saved the expired template: new Expired mails use this wording.");
    JsonNode changed = json("template", "show", "expired");
    assertThat(changed.get("subject").asString()).isEqualTo("Bye from {server}");
    assertThat(changed.get("body").asString()).isEqualTo(usherBody);
    assertThat(changed.get("customised").asBoolean()).isTrue();

    ok("template", "set", "expired", "--body", "Hi {name}, it ended.");
    ok("template", "show", "expired");
    assertThat(cli.out).isEqualTo("Subject: Bye from {server}\n\nHi {name}, it ended.\n");

    ok("template", "reset", "expired");
    assertThat(cli.out.strip())
        .isEqualTo("Reset the expired template: Expired mails use Usher's wording again.");
    JsonNode reset = json("template", "show", "expired");
    assertThat(reset.get("body").asString()).isEqualTo(usherBody);
    assertThat(reset.get("customised").asBoolean()).isFalse();
  }

  @Test
  void theBodyCanComeFromAUtf8File() throws Exception {
    Path body = files.resolve("welcome.txt");
    Files.writeString(body, "Hej {name} — välkommen!\nSecond line.\n", StandardCharsets.UTF_8);

    ok("template", "set", "welcome-plex", "--body-file", body.toString());

    assertThat(json("template", "show", "welcome-plex").get("body").asString())
        .isEqualTo("Hej {name} — välkommen!\nSecond line.\n");
  }

  @Test
  void whatTheServiceRefusesIsOneSentenceAndNothingChanges() throws Exception {
    String before = json("template", "show", "account-link").toString();

    assertThat(cli.usher("template", "set", "account-link", "--body", "No link here."))
        .isEqualTo(1);
    assertThat(cli.err)
        .isEqualTo("The body must keep {link}: without it this mail is of no use.\n");
    assertThat(cli.usher("template", "set", "account-link", "--subject", " ")).isEqualTo(1);
    assertThat(cli.err).isEqualTo("The subject cannot be empty.\n");
    assertThat(cli.usher("template", "set", "account-link", "--subject", "a\nb")).isEqualTo(1);
    assertThat(cli.err).isEqualTo("The subject is one line.\n");

    Path missing = files.resolve("nope.txt");
    assertThat(cli.usher("template", "set", "account-link", "--body-file", missing.toString()))
        .isEqualTo(1);
    assertThat(cli.err).isEqualTo("There is no file " + missing + ".\n");
    Path latin1 = files.resolve("latin1.txt");
    Files.write(latin1, new byte[] {'H', (byte) 0xE9, ' ', '{', 'l', 'i', 'n', 'k', '}'});
    assertThat(cli.usher("template", "set", "account-link", "--body-file", latin1.toString()))
        .isEqualTo(1);
    assertThat(cli.err).isEqualTo(latin1 + " is not UTF-8 text: save it as UTF-8 and try again.\n");

    assertThat(json("template", "show", "account-link").toString()).isEqualTo(before);
  }

  @Test
  void anUnknownEventOrAMalformedSetIsExitTwo() {
    assertThat(cli.usher("template", "show", "nope")).isEqualTo(2);
    assertThat(cli.err).contains("welcome-plex, welcome-account").contains("'nope'");
    assertThat(cli.usher("template", "reset", "welcome_plex")).isEqualTo(2);
    assertThat(cli.usher("template", "set", "expired")).isEqualTo(2);
    assertThat(cli.err).contains("Give --subject, --body or --body-file");
    assertThat(
            cli.usher(
                "template", "set", "expired", "--body", "x {name}", "--body-file", "body.txt"))
        .isEqualTo(2);
    assertThat(cli.usher("template", "list")).isZero();
    assertThat(cli.out).doesNotContain("yes");
  }
}

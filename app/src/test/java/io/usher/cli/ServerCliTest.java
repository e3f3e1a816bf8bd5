package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.testing.FakePlex;
import io.usher.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Servers, libraries and sync from the command line, against a local fake of plex.tv and a Plex
 * server reached through the plex.tv-url setting (the same path USHER_PLEX_TV_URL takes).
 */
class ServerCliTest {
  @StartStop final MockWebServer web = new MockWebServer();
  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  FakePlex plex;
  String out;
  String err;

  @BeforeEach
  void fakes() {
    plex = new FakePlex(web);
  }

  int usher(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--data-dir";
    all[1] = dataDir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code =
        new Cli(option -> new AppContext(Path.of(option), clock), option -> {})
            .execute(new PrintWriter(o), new PrintWriter(e), all);
    out = o.toString();
    err = e.toString();
    return code;
  }

  void linkTower() {
    assertThat(usher("settings", "set", "plex.tv-url", plex.url())).as(err).isZero();
    assertThat(
            usher(
                "plan",
                "add",
                "--name",
                "Monthly",
                "--price",
                "10",
                "--currency",
                "USD",
                "--months",
                "1",
                "--groups",
                "Standard",
                "--streams",
                "2"))
        .as(err)
        .isZero();
    assertThat(usher("server", "add", "plex", "--name", "Tower", "--token", FakePlex.TOKEN))
        .as(err)
        .isZero();
  }

  @Test
  void addingAPlexServerFindsItOnPlexTvAndImportsItsLibrariesAsPrivate() {
    linkTower();
    assertThat(out).startsWith("Linked Plex server Tower at " + plex.url() + " with 3 libraries");

    assertThat(usher("--json", "library", "list")).isZero();
    JsonNode libraries = JsonMapper.builder().build().readTree(out);
    assertThat(libraries).hasSize(3);
    assertThat(libraries)
        .allSatisfy(l -> assertThat(l.get("group").asString()).isEqualTo("Private"));
    assertThat(libraries.findValuesAsString("providerId"))
        .containsExactlyInAnyOrder("118181361", "118251661", "118278404");
  }

  @Test
  void signInWithPlexPrintsTheAddressWaitsForTheTokenAndLinksTheAccountsOnlyServer() {
    usher("settings", "set", "plex.tv-url", plex.url());
    usher("settings", "set", "plex.app-url", "http://127.0.0.1:9/web");

    assertThat(usher("server", "add", "plex", "--sign-in")).as(err).isZero();

    assertThat(err)
        .contains("sign in to Plex as the server's owner")
        .containsPattern(
            "http://127\\.0\\.0\\.1:9/web/auth#\\?clientID=usher-[0-9a-f-]+&code=q8k2m7x4p3"
                + "&context%5Bdevice%5D%5Bproduct%5D=Usher")
        .doesNotContain(FakePlex.TOKEN);
    assertThat(out).startsWith("Linked Plex server Tower at " + plex.url() + " with 3 libraries");
    assertThat(out).doesNotContain(FakePlex.TOKEN);
  }

  @Test
  void signInAndATokenTogetherAreAMalformedCommand() {
    assertThat(usher("server", "add", "plex", "--sign-in", "--token", "t")).isEqualTo(2);
    assertThat(err).contains("Give --token or --sign-in, not both.");
  }

  @Test
  void aJellyfinServerWithoutItsAddressAndKeyIsRefusedNamingBoth() {
    assertThat(usher("server", "add", "jellyfin", "--name", "Den")).isEqualTo(2);
    assertThat(err).contains("Missing required options for jellyfin: '--url', '--api-key'");
    assertThat(usher("server", "add", "emby", "--name", "Attic", "--url", "http://127.0.0.1:1"))
        .isEqualTo(2);
    assertThat(err).contains("Missing required option for emby: '--api-key'");
    assertThat(usher("server", "list")).isZero();
    assertThat(out).doesNotContain("Den").doesNotContain("Attic");
  }

  @Test
  void theTokenNeverAppearsInListsOrJson() {
    linkTower();
    usher("--json", "server", "list");
    assertThat(out).contains("\"name\":\"Tower\"").doesNotContain(FakePlex.TOKEN);
    usher("server", "list");
    assertThat(out).doesNotContain(FakePlex.TOKEN);
  }

  @Test
  void aServerNameTheTokenDoesNotOwnIsRefusedNamingTheOnesItDoes() {
    usher("settings", "set", "plex.tv-url", plex.url());
    assertThat(usher("server", "add", "plex", "--name", "Basement", "--token", FakePlex.TOKEN))
        .isEqualTo(1);
    assertThat(err.strip())
        .isEqualTo("No server named 'Basement' among this token's servers: Tower (abc123).");
    assertThat(usher("server", "list")).isZero();
    assertThat(out.strip()).isEqualTo("(none)");
  }

  @Test
  void aWrongTokenIsOneSentenceAndNothingIsLinked() {
    usher("settings", "set", "plex.tv-url", plex.url());
    assertThat(usher("server", "add", "plex", "--name", "Tower", "--token", "wrong")).isEqualTo(1);
    assertThat(err.lines()).hasSize(1);
    assertThat(err).contains("plex.tv").doesNotContain("wrong").doesNotContain("Exception");
  }

  @Test
  void syncImportsTheSharesThenASecondSyncChangesNothing() {
    linkTower();
    assertThat(usher("sync")).as(err).isZero();
    assertThat(out.strip()).isEqualTo("2 new users.");

    assertThat(usher("--json", "users")).isZero();
    JsonNode users = JsonMapper.builder().build().readTree(out);
    assertThat(users.findValuesAsString("email"))
        .containsExactly("alice@example.com", "bob@example.com");
    assertThat(users)
        .allSatisfy(
            u -> {
              assertThat(u.get("status").asString()).isEqualTo("active");
              assertThat(u.get("plan").asString()).isEqualTo("Monthly");
              assertThat(u.get("servers").get(0).asString()).isEqualTo("Tower");
            });

    assertThat(usher("sync")).isZero();
    assertThat(out.strip()).isEqualTo("Nothing changed.");
  }

  @Test
  void aSyncWithAServerDownSaysNotOkInJsonAsTheExitCodeDoes() {
    linkTower();
    plex.sharedServersStatus = 503;

    assertThat(usher("--json", "sync")).isEqualTo(1);

    JsonNode result = JsonMapper.builder().build().readTree(out);
    assertThat(result.get("ok").asBoolean()).isFalse();
    assertThat(result.get("problems")).isNotEmpty();
  }

  @Test
  void groupsLocationsAndServerSettings() {
    linkTower();
    assertThat(usher("group", "add", "4K")).isZero();
    assertThat(usher("group", "add", "4k")).isEqualTo(1);
    assertThat(err).contains("already exists");
    assertThat(usher("location", "add", "Europe")).isZero();
    assertThat(
            usher(
                "server",
                "set",
                "Tower",
                "--location",
                "Europe",
                "--capacity",
                "80",
                "--trials",
                "false"))
        .as(err)
        .isZero();
    assertThat(usher("--json", "server", "list")).isZero();
    assertThat(out).contains("\"location\":\"Europe\"").contains("\"capacity\":80");
    assertThat(usher("server", "set", "Tower", "--location", "Mars")).isEqualTo(1);
    assertThat(err).contains("no server location named 'Mars'");
  }

  @Test
  void putsALibraryInAGroupByItsId() {
    linkTower();
    usher("--json", "library", "list");
    long id = JsonMapper.builder().build().readTree(out).get(0).get("id").asLong();
    assertThat(usher("library", "group", Long.toString(id), "standard")).as(err).isZero();
    assertThat(out).endsWith("is now in Standard.\n");
    assertThat(usher("library", "group", Long.toString(id), "Nope")).isEqualTo(1);
    assertThat(err).startsWith("There is no library group named 'Nope'.");
  }

  @Test
  void inviteSharesThePlansLibrariesOnPlexAndRecordsThePayment() {
    linkTower();
    usher("--json", "library", "list");
    long movies = JsonMapper.builder().build().readTree(out).findValues("id").getFirst().asLong();
    assertThat(usher("library", "group", Long.toString(movies), "Standard")).isZero();

    assertThat(
            usher("invite", "--email", "new@example.com", "--plan", "Monthly", "--server", "Tower"))
        .as(err)
        .isZero();
    assertThat(out)
        .startsWith("Invited new@example.com to Plex server Tower until 2026-12-22T10:00:00Z.");
    assertThat(usher("--json", "users")).isZero();
    assertThat(out).contains("\"email\":\"new@example.com\"").contains("\"status\":\"active\"");
  }

  @Test
  void anInviteThatCannotReachPlexIsQueuedWithItsPayment() {
    linkTower();
    usher("--json", "library", "list");
    long movies = JsonMapper.builder().build().readTree(out).findValues("id").getFirst().asLong();
    usher("library", "group", Long.toString(movies), "Standard");
    plex.shareStatus = 503;

    assertThat(usher("invite", "--email", "new@example.com", "--plan", "Monthly")).as(err).isZero();
    assertThat(out).startsWith("queued: ");
    assertThat(usher("--json", "payments")).isZero();
    assertThat(out).contains("\"email\":\"new@example.com\"");
  }

  @Test
  void anInviteForAPlanWithoutLibrariesOnTheServerChangesNothing() {
    linkTower();
    assertThat(
            usher("invite", "--email", "new@example.com", "--plan", "Monthly", "--server", "Tower"))
        .isEqualTo(1);
    assertThat(err.strip())
        .isEqualTo(
            "Plan Monthly grants no library on Plex server Tower: put a library of that server in Standard first.");
    assertThat(usher("users")).isZero();
    assertThat(out.strip()).isEqualTo("(none)");
  }
}

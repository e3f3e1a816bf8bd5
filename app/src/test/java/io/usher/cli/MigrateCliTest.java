package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.media.ServerKind;
import io.usher.testing.FakeMediaServers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code usher migrate}: Bob (invited, with an email) and Alice (found on the Jellyfin server by
 * sync, no email) move from Den to the Plex server Tower; Alice cannot, having no Plex account.
 */
class MigrateCliTest extends MediaCliTestBase {

  FakeMediaServers.Fake den;
  FakeMediaServers.Fake tower;

  @BeforeEach
  void bobAndAliceOnDen() {
    den =
        media
            .server("http://den:8096")
            .library("f1", "Movies")
            .user(
                new RemoteUser("u1", "Alice", null, null, List.of("f1"), false, false, null, null));
    tower = media.server("http://tower:32400").library("1", "Movies");
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1.41"));
    try (AppContext context = new AppContext(dataDir, clock, settings -> media)) {
      context.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "key");
      context.servers().addPlex("good-token", null, "abc123", null, null);
      context
          .servers()
          .libraries(null)
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
        "2");
    ok("sync");
    ok("invite", "--email", "bob@example.com", "--plan", "Basic", "--server", "Den");
  }

  @Test
  void aDryRunPrintsOneLinePerUserAndChangesNothing() {
    ok("migrate", "--from", "Den", "--to", "Tower", "--dry-run");

    assertThat(out.lines())
        .containsExactly(
            "not moved: Alice, has no email, so no Plex account to invite: set the email of their"
                + " Plex account first",
            "would move: bob@example.com, invited to Plex on Tower as bob@example.com; sees Movies");
    assertThat(tower.shared).isEmpty();
  }

  @Test
  void theMoveSharesOnTheTargetLeavesTheSourceAndSaysWhoStayed() {
    assertThat(usher("migrate", "--from", "Den", "--to", "Tower")).isEqualTo(1);

    assertThat(out.lines())
        .containsExactly(
            "not moved: Alice, has no email, so no Plex account to invite: set the email of their"
                + " Plex account first",
            "moved: bob@example.com, shared on Tower as bob@example.com; left Den");
    assertThat(err).isEqualTo("1 user was not moved and stays on Den; see above.\n");
    assertThat(tower.shared).extracting(r -> r.email()).containsExactly("bob@example.com");
    assertThat(den.removed).extracting(RemoteUser::username).containsExactly("bob");
    ok("--json", "users");
    JsonNode users = JSON.readTree(out);
    assertThat(users)
        .extracting(
            u -> u.get("name").asString("") + u.get("email").asString("") + " " + u.get("servers"))
        .containsExactlyInAnyOrder("Alice [\"Den\"]", "bob@example.com [\"Tower\"]");
  }

  @Test
  void listedUsersAloneMoveAndJsonGivesEachState() {
    ok("--json", "migrate", "--from", "Den", "--to", "Tower", "--users", "bob@example.com");

    JsonNode rows = JSON.readTree(out);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("user").asString()).isEqualTo("bob@example.com");
    assertThat(rows.get(0).get("state").asString()).isEqualTo("moved");
  }

  @Test
  void aServerThatDoesNotExistIsNamedInTheError() {
    assertThat(usher("migrate", "--from", "Den", "--to", "Attic")).isEqualTo(1);
    assertThat(err).isEqualTo("There is no server named 'Attic'.\n");
  }
}

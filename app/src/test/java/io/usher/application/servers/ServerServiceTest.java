package io.usher.application.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.app.AppContext;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.ServerKind;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerSettings;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Linking and configuring servers on a real ledger, with in-memory servers answering. */
class ServerServiceTest {
  @TempDir Path dataDir;
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;

  @BeforeEach
  void open() {
    usher =
        new AppContext(
            dataDir, new MutableClock(Instant.parse("2026-11-22T10:00:00Z")), s -> media);
    media.server("http://den:8096").library("f1", "Movies");
  }

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void aServerThatFailsItsTestIsNotStored() {
    media.server("http://den:8096").failTest =
        new MediaServerException(
            MediaServerException.Kind.UNAUTHORIZED, "Den refused the API key.");

    assertThatThrownBy(
            () ->
                usher
                    .servers()
                    .addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "bad"))
        .hasMessage("Den refused the API key.");
    assertThat(usher.servers().list()).isEmpty();
    assertThat(usher.servers().libraries(null)).isEmpty();
  }

  @Test
  void aTakenNameIsRefusedBeforeAnyServerIsCalled() {
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    assertThatThrownBy(
            () -> usher.servers().addMediaBrowser(ServerKind.EMBY, "den", "http://other:8096", "k"))
        .isInstanceOf(ConflictException.class)
        .hasMessage("A server named 'den' is already linked.");
  }

  @Test
  void aMalformedAddressIsRefusedBesideTheField() {
    assertThatThrownBy(
            () -> usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "den:8096", "k"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors().getFirst().field()).isEqualTo("url"));
  }

  @Test
  void plexServersAreStoredWithTheirMachineIdAndACapacityOfOneHundred() {
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1.41"));
    media.server("http://tower:32400").library("118181361", "Movies");

    Server tower = usher.servers().addPlex("good-token", null, "abc123", null, null);

    assertThat(tower.machineId()).isEqualTo("abc123");
    assertThat(tower.name()).isEqualTo("Tower");
    assertThat(tower.settings().capacity()).isEqualTo(100);
    assertThat(usher.servers().libraries("Tower"))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.providerId()).isEqualTo("118181361");
              assertThat(l.group()).isEqualTo("Private");
            });
  }

  @Test
  void renamingKeepsSettingsAndRefusesATakenName() {
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    media.server("http://attic:8096");
    usher.servers().addMediaBrowser(ServerKind.EMBY, "Attic", "http://attic:8096", "k");
    ServerSettings settings = new ServerSettings(null, true, false, true, false, 40, false);

    Server renamed = usher.servers().update("Den", "Living room", settings);

    assertThat(renamed.name()).isEqualTo("Living room");
    assertThat(renamed.settings()).isEqualTo(settings);
    assertThatThrownBy(() -> usher.servers().update("Living room", "Attic", settings))
        .isInstanceOf(ConflictException.class);
    assertThat(usher.servers().byName("Living room").settings().capacity()).isEqualTo(40);
  }
}

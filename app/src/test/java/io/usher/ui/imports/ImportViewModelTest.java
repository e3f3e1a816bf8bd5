package io.usher.ui.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.domain.media.PlexServerChoice;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.UiTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dialog's states without a window: problems, or the dry run with the Plex warning. */
class ImportViewModelTest {
  @TempDir Path dataDir;
  @TempDir Path files;
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;
  ImportViewModel model;

  @BeforeEach
  void open() {
    usher =
        new AppContext(
            dataDir, new MutableClock(Instant.parse("2026-11-22T10:00:00Z")), s -> media);
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1.41"));
    media.server("http://tower:32400").library("1", "Movies");
    usher.servers().addPlex("good-token", null, "abc123", null, null);
    Fixtures.monthly(usher, "Monthly", "12.50");
    Fixtures.everyLibraryIn(usher, "Standard");
    model = new ImportViewModel(usher.imports(), new UiTasks(Runnable::run, Runnable::run));
  }

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void aBrokenFileShowsItsProblemsByLineAndCannotBeStarted() throws Exception {
    Path file =
        Files.writeString(
            files.resolve("bad.csv"), "Email,Server Name,Plan Name\nx,Tower,Monthly\n");

    model.check(file);

    assertThat(model.stage().get()).isEqualTo(ImportViewModel.Stage.PROBLEMS);
    assertThat(model.headline().get()).isEqualTo("bad.csv has 1 problem; nothing was imported.");
    assertThat(model.lines()).containsExactly("Line 2: 'x' is not a valid email address.");
    model.start();
    assertThat(model.stage().get()).isEqualTo(ImportViewModel.Stage.PROBLEMS);
  }

  @Test
  void aGoodFileShowsTheDryRunAndTheBanWarning() throws Exception {
    Path file =
        Files.writeString(
            files.resolve("ok.csv"),
            "Email,Server Name,Plan Name,Transaction ID\n"
                + "a@example.com,Tower,Monthly,t1\n"
                + "b@example.com,Tower,Monthly,t2\n");

    model.check(file);

    assertThat(model.stage().get()).isEqualTo(ImportViewModel.Stage.READY);
    assertThat(model.headline().get())
        .isEqualTo("2 rows would be invited, 2 of them on Plex servers.");
    assertThat(model.lines())
        .containsExactly(
            "Line 2: a@example.com → Tower, plan Monthly, 1 month from 2026-11-22, 12.50 USD,"
                + " txn t1",
            "Line 3: b@example.com → Tower, plan Monthly, 1 month from 2026-11-22, 12.50 USD,"
                + " txn t2");
    assertThat(model.warning().get())
        .startsWith("Inviting many Plex users at once risks a ban from Plex: Usher waits 30");
  }

  @Test
  void theExampleIsSavedWhereTheOwnerChose() {
    Path file = files.resolve("example.csv");

    model.saveExample(file);

    assertThat(file).exists();
    assertThat(model.headline().get()).isEqualTo("Saved the example to " + file + ".");
  }
}

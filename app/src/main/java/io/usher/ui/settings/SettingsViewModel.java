package io.usher.ui.settings;

import io.usher.application.backups.BackupService;
import io.usher.application.settings.SettingView;
import io.usher.application.settings.SettingsService;
import io.usher.application.settings.SetupTests;
import io.usher.domain.backups.BackupFile;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.kit.Waiting;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every setting with its current value (secrets masked) and default; saving a form's values
 * together, or one by key. The ledger's backups: taking one now, and restoring one (which reopens
 * the window).
 */
public final class SettingsViewModel {
  private final BackupService backupService;
  private final SettingsService settingService;
  private final SetupTests tests;
  private final UiTasks tasks;
  private final Waiting waiting;
  private final LedgerRestore restorer;
  private final ObservableList<SettingView> settings = FXCollections.observableArrayList();
  private final ObservableList<BackupFile> backups = FXCollections.observableArrayList();
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty notice = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty(false);

  public SettingsViewModel(
      BackupService backupService,
      SettingsService settingService,
      SetupTests tests,
      UiTasks tasks,
      LedgerRestore restorer) {
    this.backupService = backupService;
    this.settingService = settingService;
    this.tests = tests;
    this.tasks = tasks;
    this.waiting = new Waiting(tasks);
    this.restorer = restorer;
  }

  public void load() {
    tasks.run(
        () -> settingService.list(),
        loaded -> {
          error.set("");
          settings.setAll(loaded);
        },
        failure -> error.set(Errors.sentence(failure)));
    loadBackups();
  }

  private void loadBackups() {
    tasks.run(
        () -> backupService.list(),
        backups::setAll,
        failure -> error.set(Errors.sentence(failure)));
  }

  public Supplier<SettingView> save(String key, String value) {
    return () -> settingService.set(key, value);
  }

  /**
   * Saves a form's changed values together (none when one is refused), then runs {@code then}: a
   * test of the keys just saved, or nothing.
   */
  public void saveAll(Map<String, String> values, Runnable then, Consumer<Throwable> refused) {
    if (values.isEmpty()) {
      then.run();
      return;
    }
    error.set("");
    tasks.run(
        () -> settingService.setAll(values),
        saved -> {
          notice.set(
              "Saved "
                  + saved.stream().map(SettingView::key).collect(Collectors.joining(", "))
                  + ".");
          load();
          then.run();
        },
        refused);
  }

  public ObservableList<SettingView> settings() {
    return settings;
  }

  /** The backups in the data folder's backups folder, newest first. */
  public ObservableList<BackupFile> backups() {
    return backups;
  }

  /** A backup of the ledger as it is now, in the backups folder. */
  public void backUpNow() {
    busy.set(true);
    error.set("");
    notice.set("Backing up the ledger…");
    tasks.run(
        () -> backupService.create(null),
        made -> {
          busy.set(false);
          notice.set("Backed up to " + made.file() + ".");
          loadBackups();
        },
        failure -> {
          busy.set(false);
          notice.set("");
          error.set(Errors.sentence(failure));
        });
  }

  /** Hands the backup to the window's owner, which closes the ledger, restores and reopens. */
  public void restore(BackupFile backup) {
    busy.set(true);
    restorer.restore(backup.file());
  }

  /** True while a backup or a restore is under way: the buttons wait. */
  public BooleanProperty busy() {
    return busy;
  }

  /** Checks stripe.secret-key against Stripe and says what came back. */
  public void testStripe() {
    test("Asking Stripe whether it accepts the key…", tests::stripe);
  }

  /** Checks the PayPal accounts' keys against PayPal and says what came back. */
  public void testPayPal() {
    test("Asking PayPal whether it accepts the keys…", tests::payPal);
  }

  /** Checks seerr.url and seerr.api-key against Seerr and says what came back. */
  public void testSeerr() {
    test("Asking Seerr whether it accepts the key…", tests::seerr);
  }

  private void test(String asking, java.util.function.Supplier<String> test) {
    notice.set("");
    error.set("");
    waiting.run(
        asking,
        test,
        verdict -> notice.set(verdict),
        failure -> {
          notice.set("");
          error.set(Errors.sentence(failure));
        });
  }

  /** A key test under way, which the owner may stop waiting for. */
  public Waiting waiting() {
    return waiting;
  }

  public StringProperty notice() {
    return notice;
  }

  public StringProperty error() {
    return error;
  }
}

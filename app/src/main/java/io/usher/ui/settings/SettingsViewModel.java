package io.usher.ui.settings;

import io.usher.application.Usher;
import io.usher.application.settings.SettingView;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.UiTasks;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Every setting with its current value (secrets masked) and default; editing one by key. */
public final class SettingsViewModel {
  private final Usher usher;
  private final UiTasks tasks;
  private final ObservableList<SettingView> settings = FXCollections.observableArrayList();
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty notice = new SimpleStringProperty("");

  public SettingsViewModel(Usher usher, UiTasks tasks) {
    this.usher = usher;
    this.tasks = tasks;
  }

  public void load() {
    tasks.run(
        () -> usher.settings().list(),
        loaded -> {
          error.set("");
          settings.setAll(loaded);
        },
        failure -> error.set(Errors.sentence(failure)));
  }

  public Supplier<SettingView> save(String key, String value) {
    return () -> usher.settings().set(key, value);
  }

  public ObservableList<SettingView> settings() {
    return settings;
  }

  /** Checks stripe.secret-key against Stripe and says what came back. */
  public void testStripe() {
    notice.set("Asking Stripe…");
    error.set("");
    tasks.run(
        () -> usher.checkout().testPayments(),
        verdict -> notice.set(verdict),
        failure -> {
          notice.set("");
          error.set(Errors.sentence(failure));
        });
  }

  public StringProperty notice() {
    return notice;
  }

  public StringProperty error() {
    return error;
  }
}

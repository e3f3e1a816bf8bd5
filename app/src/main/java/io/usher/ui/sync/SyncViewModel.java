package io.usher.ui.sync;

import io.usher.application.sync.SyncProgress;
import io.usher.application.sync.SyncReport;
import io.usher.application.sync.SyncService;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.UiTasks;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One sync at a time from the window: progress and status as it goes, a cancel that stops at the
 * next server, and the summary when it ends. Shared by the Users and Servers screens.
 */
public final class SyncViewModel {
  private final SyncService sync;
  private final UiTasks tasks;
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final DoubleProperty progress = new SimpleDoubleProperty();
  private final StringProperty status = new SimpleStringProperty("");
  private final StringProperty problems = new SimpleStringProperty("");
  private final AtomicBoolean cancel = new AtomicBoolean();
  private Runnable afterSync = () -> {};

  public SyncViewModel(SyncService sync, UiTasks tasks) {
    this.sync = sync;
    this.tasks = tasks;
  }

  /** What to reload when a sync ends (the screen that is showing). */
  public void afterSync(Runnable reload) {
    this.afterSync = reload;
  }

  public void start() {
    if (running.get()) {
      return;
    }
    cancel.set(false);
    running.set(true);
    progress.set(0);
    problems.set("");
    status.set("Starting sync…");
    SyncProgress listener =
        new SyncProgress() {
          @Override
          public void step(String text, double fraction) {
            tasks.onFx(
                () -> {
                  status.set(text + "…");
                  progress.set(fraction);
                });
          }

          @Override
          public boolean cancelled() {
            return cancel.get();
          }
        };
    tasks.run(
        () -> sync.run(null, listener),
        this::finished,
        failure -> {
          running.set(false);
          status.set(Errors.sentence(failure));
        });
  }

  public void cancel() {
    cancel.set(true);
    status.set("Cancelling after the current server…");
  }

  private void finished(SyncReport report) {
    running.set(false);
    progress.set(1);
    status.set("Sync: " + report.summary());
    problems.set(String.join("\n", report.problems()));
    afterSync.run();
  }

  public BooleanProperty running() {
    return running;
  }

  public DoubleProperty progress() {
    return progress;
  }

  public StringProperty status() {
    return status;
  }

  public StringProperty problems() {
    return problems;
  }
}

package io.usher.ui.imports;

import io.usher.application.imports.CsvImportService;
import io.usher.application.imports.ImportPlan;
import io.usher.application.imports.ImportProgress;
import io.usher.application.imports.ImportReport;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.UiTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The bulk invite as the window runs it: check a file in the background, show its problems or what
 * it would do, then invite with progress and a cancel that stops before the next row.
 */
public final class ImportViewModel {
  /** Where the dialog is. */
  public enum Stage {
    CHOOSE,
    CHECKING,
    PROBLEMS,
    READY,
    RUNNING,
    DONE
  }

  private final CsvImportService imports;
  private final UiTasks tasks;
  private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.CHOOSE);
  private final StringProperty headline =
      new SimpleStringProperty("Choose a CSV file with Email, Server Name and Plan Name columns.");
  private final ObservableList<String> lines = FXCollections.observableArrayList();
  private final StringProperty warning = new SimpleStringProperty("");
  private final DoubleProperty progress = new SimpleDoubleProperty();
  private final StringProperty current = new SimpleStringProperty("");
  private final AtomicBoolean cancel = new AtomicBoolean();
  private ImportPlan plan;
  private ImportReport report;

  public ImportViewModel(CsvImportService imports, UiTasks tasks) {
    this.imports = imports;
    this.tasks = tasks;
  }

  /** Reads and checks the file in the background; nothing is written. */
  public void check(Path file) {
    if (stage.get() == Stage.RUNNING || stage.get() == Stage.CHECKING) {
      return;
    }
    stage.set(Stage.CHECKING);
    headline.set("Checking " + file.getFileName() + "…");
    lines.clear();
    warning.set("");
    tasks.run(
        () -> {
          ImportPlan checked = imports.validate(file);
          String pace = checked.plexRows() > 0 ? imports.paceWarning(checked) : "";
          return new Checked(checked, pace);
        },
        this::checked,
        failure -> {
          stage.set(Stage.CHOOSE);
          headline.set(Errors.sentence(failure));
        });
  }

  private record Checked(ImportPlan plan, String warning) {}

  private void checked(Checked checked) {
    plan = checked.plan();
    if (plan.valid()) {
      stage.set(Stage.READY);
      headline.set(plan.dryRunSummary().replace("; nothing was imported.", "."));
      lines.setAll(plan.describe());
      warning.set(checked.warning());
    } else {
      stage.set(Stage.PROBLEMS);
      headline.set(plan.problemSummary());
      lines.setAll(plan.problemLines());
    }
  }

  /** Invites the checked file's rows in the background. */
  public void start() {
    if (stage.get() != Stage.READY) {
      return;
    }
    ImportPlan running = plan;
    cancel.set(false);
    stage.set(Stage.RUNNING);
    progress.set(0);
    current.set("Starting…");
    ImportProgress listener =
        new ImportProgress() {
          @Override
          public void row(int done, int total, String email) {
            tasks.onFx(
                () -> {
                  progress.set(total == 0 ? 1 : (double) done / total);
                  current.set(
                      email == null
                          ? done + " of " + total + " done"
                          : "Inviting " + email + " (" + (done + 1) + " of " + total + ")");
                });
          }

          @Override
          public boolean cancelled() {
            return cancel.get();
          }
        };
    tasks.run(
        () -> imports.run(running, listener),
        this::finished,
        failure -> {
          stage.set(Stage.DONE);
          headline.set(Errors.sentence(failure));
        });
  }

  public void cancel() {
    if (stage.get() == Stage.RUNNING) {
      cancel.set(true);
      current.set("Cancelling before the next row…");
    }
  }

  private void finished(ImportReport done) {
    report = done;
    stage.set(Stage.DONE);
    progress.set(1);
    current.set("");
    headline.set("Bulk invite: " + done.summary());
    List<String> details = new ArrayList<>(done.failed());
    done.queued().forEach(q -> details.add("queued: " + q));
    done.invited().forEach(i -> details.add("invited: " + i));
    lines.setAll(details);
    warning.set("");
  }

  /** Writes the example file in the background and says so in the headline. */
  public void saveExample(Path file) {
    tasks.run(
        () -> {
          imports.writeExample(file);
          return file;
        },
        saved -> headline.set("Saved the example to " + saved + "."),
        failure -> headline.set(Errors.sentence(failure)));
  }

  public ObjectProperty<Stage> stage() {
    return stage;
  }

  public StringProperty headline() {
    return headline;
  }

  public ObservableList<String> lines() {
    return lines;
  }

  public StringProperty warning() {
    return warning;
  }

  public DoubleProperty progress() {
    return progress;
  }

  public StringProperty current() {
    return current;
  }

  /** The last run's report; null before one ended. */
  public ImportReport report() {
    return report;
  }
}

package io.usher.ui.jobs;

import io.usher.application.jobs.JobResult;
import io.usher.application.jobs.JobService;
import io.usher.application.jobs.JobStatus;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.UiTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State of the Jobs panel: each job's last and next run, and running one by hand. */
public final class JobsViewModel {
  private final JobService jobService;
  private final UiTasks tasks;
  private final ObservableList<JobStatus> jobs = FXCollections.observableArrayList();
  private final StringProperty output = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty running = new SimpleBooleanProperty();

  public JobsViewModel(JobService jobService, UiTasks tasks) {
    this.jobService = jobService;
    this.tasks = tasks;
  }

  public void load() {
    tasks.run(
        () -> jobService.list(),
        list -> {
          error.set("");
          jobs.setAll(list);
        },
        failure -> error.set(Errors.sentence(failure)));
  }

  public void run(String name, boolean dryRun) {
    running.set(true);
    error.set("");
    output.set((dryRun ? "Dry run of " : "Running ") + name + "…");
    tasks.run(
        () -> jobService.run(name, dryRun),
        result -> {
          running.set(false);
          output.set(describe(name, dryRun, result));
          load();
        },
        failure -> {
          running.set(false);
          output.set("");
          error.set(Errors.sentence(failure));
          load();
        });
  }

  static String describe(String name, boolean dryRun, JobResult result) {
    StringBuilder text =
        new StringBuilder(name + (dryRun ? " (dry run): " : ": ") + result.summary());
    result.details().forEach(d -> text.append('\n').append("  ").append(d));
    return text.toString();
  }

  public ObservableList<JobStatus> jobs() {
    return jobs;
  }

  public StringProperty output() {
    return output;
  }

  public StringProperty error() {
    return error;
  }

  public BooleanProperty running() {
    return running;
  }
}

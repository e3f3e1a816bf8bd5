package io.usher.ui.activity;

import io.usher.application.enforce.ActivityService;
import io.usher.domain.enforce.ActivityEntry;
import io.usher.domain.enforce.Reason;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.UiTasks;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State of the Activity screen: the newest entries of the enforcement log, narrowed in memory to
 * those containing the filter text in any column (user, server, session, device, IP, what, why,
 * outcome).
 */
public final class ActivityViewModel {
  /** How many entries the screen loads. */
  static final int LIMIT = 2_000;

  private final ActivityService activity;
  private final UiTasks tasks;
  private final ObservableList<ActivityEntry> rows = FXCollections.observableArrayList();
  private final FilteredList<ActivityEntry> shown = new FilteredList<>(rows);
  private final StringProperty filter = new SimpleStringProperty("");
  private final StringProperty count = new SimpleStringProperty("");
  private final BooleanProperty loading = new SimpleBooleanProperty();
  private final StringProperty error = new SimpleStringProperty("");

  public ActivityViewModel(ActivityService activity, UiTasks tasks) {
    this.activity = activity;
    this.tasks = tasks;
    filter.addListener((obs, was, now) -> applyFilter());
  }

  public void load() {
    loading.set(true);
    tasks.run(
        () -> activity.recent(LIMIT),
        loaded -> {
          loading.set(false);
          error.set("");
          rows.setAll(loaded);
          applyFilter();
        },
        failure -> {
          loading.set(false);
          error.set(Errors.sentence(failure));
        });
  }

  void applyFilter() {
    String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
    shown.setPredicate(e -> needle.isEmpty() || matches(e, needle));
    int n = shown.size();
    count.set(n + (n == 1 ? " entry" : " entries"));
  }

  static boolean matches(ActivityEntry e, String needle) {
    return Stream.of(
            e.user(),
            e.server(),
            e.sessionId(),
            e.device(),
            e.ip(),
            e.title(),
            e.reason().label(),
            e.why(),
            outcome(e),
            e.outcomeDetail())
        .anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(needle));
  }

  /** The outcome as the table shows it. */
  static String outcome(ActivityEntry e) {
    String text =
        switch (e.outcome()) {
          case STOPPED -> e.reason() == Reason.TOO_MANY_DEVICES ? "Signed out" : "Stopped";
          case NOT_STOPPABLE -> "Not stoppable";
          case FAILED -> "Failed";
        };
    if (e.outcomeDetail() != null) {
      text += ": " + e.outcomeDetail();
    }
    return e.notified() ? text + " · user notified" : text;
  }

  public ObservableList<ActivityEntry> shown() {
    return shown;
  }

  public StringProperty filter() {
    return filter;
  }

  public StringProperty count() {
    return count;
  }

  public BooleanProperty loading() {
    return loading;
  }

  public StringProperty error() {
    return error;
  }
}

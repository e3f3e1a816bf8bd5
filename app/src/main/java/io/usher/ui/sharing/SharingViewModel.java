package io.usher.ui.sharing;

import io.usher.application.sharing.SharingService;
import io.usher.application.users.AccessActions;
import io.usher.application.users.UserActions.Outcome;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.UiTasks;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Sharing screen: the users whose streams suggest they share their account over the
 * chosen days, strongest evidence first, and the owner's three answers (warn, set aside, remove
 * access), each done only when the owner asks.
 */
public final class SharingViewModel {
  private final SharingService sharing;
  private final AccessActions access;
  private final UiTasks tasks;
  private final ObservableList<SharingService.Row> rows = FXCollections.observableArrayList();
  private final IntegerProperty days = new SimpleIntegerProperty(SharingService.MAX_DAYS);
  private final StringProperty count = new SimpleStringProperty("");
  private final StringProperty notice = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty loading = new SimpleBooleanProperty();

  public SharingViewModel(SharingService sharing, AccessActions access, UiTasks tasks) {
    this.sharing = sharing;
    this.access = access;
    this.tasks = tasks;
    days.addListener((obs, was, now) -> load());
  }

  public void load() {
    loading.set(true);
    int period = days.get();
    tasks.run(
        () -> sharing.suspects(period),
        report -> {
          loading.set(false);
          error.set("");
          rows.setAll(report.rows());
          int n = report.rows().size();
          count.set(
              (n == 1 ? "1 user" : n + " users")
                  + " from "
                  + report.streamsSeen()
                  + (report.streamsSeen() == 1 ? " stream" : " streams")
                  + " seen in the last "
                  + period
                  + " days");
        },
        failure -> {
          loading.set(false);
          error.set(Errors.sentence(failure));
        });
  }

  /** Mails the user what was seen (the Account sharing template), then lists again. */
  public void warn(SharingService.Row row) {
    int period = days.get();
    act(
        () -> {
          sharing.warn(row.suspect().userId(), period);
          return "Warned " + who(row) + ": the Account sharing mail is on its way.";
        });
  }

  /** Sets the evidence so far aside: the user leaves the list until new streams count again. */
  public void ignore(SharingService.Row row) {
    act(
        () -> {
          sharing.ignore(row.suspect().userId());
          return "Set aside what was seen of " + who(row) + " so far.";
        });
  }

  /** Takes the user's access away on every server, as the users screen does. */
  public void removeAccess(SharingService.Row row) {
    act(
        () -> {
          List<Outcome> done = access.removeAccess(List.of(row.suspect().userId()), false);
          return done.isEmpty()
              ? who(row) + " had no access to remove."
              : done.stream().map(o -> o.who() + ": " + o.what()).collect(Collectors.joining("; "));
        });
  }

  private void act(Supplier<String> action) {
    notice.set("");
    error.set("");
    tasks.run(
        action::get,
        sentence -> {
          notice.set(sentence);
          load();
        },
        failure -> error.set(Errors.sentence(failure)));
  }

  static String who(SharingService.Row row) {
    if (row.email() != null) {
      return row.email();
    }
    return row.name() != null ? row.name() : "user #" + row.suspect().userId() + " (deleted)";
  }

  public ObservableList<SharingService.Row> rows() {
    return rows;
  }

  public IntegerProperty days() {
    return days;
  }

  public StringProperty count() {
    return count;
  }

  public StringProperty notice() {
    return notice;
  }

  public StringProperty error() {
    return error;
  }

  public BooleanProperty loading() {
    return loading;
  }
}

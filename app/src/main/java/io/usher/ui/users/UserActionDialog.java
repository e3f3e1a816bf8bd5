package io.usher.ui.users;

import atlantafx.base.theme.Styles;
import io.usher.application.users.UserActions;
import io.usher.domain.common.ValidationException;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.UiTasks;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * Extend, remind, remove or restore access of, or delete the selected users: the dialog first
 * shows, per user, what would happen (a dry run, again whenever the number of days changes), and OK
 * does exactly that for all of them.
 */
final class UserActionDialog {
  private final ListView<String> preview = new ListView<>();
  private final TextField days = new TextField("7");
  private final FormDialog<List<UserActions.Outcome>> dialog;

  /**
   * @param action runs the action on the chosen users for this many days (ignored by a remind);
   *     true: only a dry run
   */
  private UserActionDialog(
      Window owner,
      UiTasks tasks,
      String title,
      String okText,
      boolean withDays,
      String warning,
      BiFunction<Integer, Boolean, List<UserActions.Outcome>> action) {
    preview.setId("user-action-preview");
    preview.setPrefHeight(180);
    preview.setPrefWidth(460);
    // Each user's line wraps inside the list rather than running off its right edge.
    preview.setCellFactory(
        list ->
            new ListCell<>() {
              {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
              }

              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
              }
            });
    Form form = new Form();
    if (withDays) {
      days.setId("user-action-days");
      days.setPrefColumnCount(5);
      form.field("days", "Days", days, "Given after each user's paid time, on their current plan.");
      days.textProperty().addListener((o, was, now) -> refresh(tasks, action));
    }
    form.field("users", "What happens", preview);
    if (warning != null) {
      Label careful = new Label(warning);
      careful.setId("user-action-warning");
      careful.setWrapText(true);
      careful.setPrefWidth(460);
      careful.getStyleClass().add(Styles.DANGER);
      form.field("warning", "", careful);
    }
    dialog =
        new FormDialog<>(
            owner,
            title,
            okText,
            form,
            tasks,
            () -> {
              int n = withDays ? days() : 0;
              return () -> action.apply(n, false);
            });
    refresh(tasks, action);
  }

  static UserActionDialog extend(
      Window owner,
      UiTasks tasks,
      Function<Integer, Function<Boolean, List<UserActions.Outcome>>> run) {
    return new UserActionDialog(
        owner,
        tasks,
        "Extend the selected users",
        "Extend",
        true,
        null,
        (d, dry) -> run.apply(d).apply(dry));
  }

  static UserActionDialog remind(
      Window owner, UiTasks tasks, Function<Boolean, List<UserActions.Outcome>> run) {
    return withoutDays(owner, tasks, "Send the expiry reminder", "Send reminders", run);
  }

  static UserActionDialog removeAccess(
      Window owner, UiTasks tasks, Function<Boolean, List<UserActions.Outcome>> run) {
    return withoutDays(owner, tasks, "Remove access of the selected users", "Remove access", run);
  }

  static UserActionDialog restoreAccess(
      Window owner, UiTasks tasks, Function<Boolean, List<UserActions.Outcome>> run) {
    return withoutDays(owner, tasks, "Restore access of the selected users", "Restore access", run);
  }

  private static UserActionDialog withoutDays(
      Window owner,
      UiTasks tasks,
      String title,
      String okText,
      Function<Boolean, List<UserActions.Outcome>> run) {
    return new UserActionDialog(
        owner, tasks, title, okText, false, null, (d, dry) -> run.apply(dry));
  }

  static UserActionDialog delete(
      Window owner, UiTasks tasks, Function<Boolean, List<UserActions.Outcome>> run) {
    UserActionDialog delete =
        new UserActionDialog(
            owner,
            tasks,
            "Delete the selected users",
            "Delete",
            false,
            "This cannot be undone. Their payments leave the ledger and the revenue figures; the"
                + " audit log keeps one line per user with what was deleted. To stop someone's"
                + " access but keep their history, use Remove access instead.",
            (d, dry) -> run.apply(dry));
    delete.dialog.dangerous();
    return delete;
  }

  Optional<List<UserActions.Outcome>> showAndWait() {
    return dialog.showAndWait();
  }

  private int days() {
    String text = days.getText().strip();
    if (!text.matches("[0-9]{1,5}")) {
      throw ValidationException.of("days", "Type a number of days from 1 to 3650.");
    }
    return Integer.parseInt(text);
  }

  private void refresh(
      UiTasks tasks, BiFunction<Integer, Boolean, List<UserActions.Outcome>> action) {
    int n;
    try {
      n = days();
    } catch (ValidationException e) {
      preview.getItems().setAll(e.getMessage());
      return;
    }
    tasks.run(
        () -> action.apply(n, true),
        outcomes ->
            preview
                .getItems()
                .setAll(
                    outcomes.stream()
                        .map(
                            o ->
                                switch (o.state()) {
                                      case DONE -> "";
                                      case SKIPPED -> "Skipped: ";
                                      case FAILED -> "Cannot: ";
                                    }
                                    + o.who()
                                    + " — "
                                    + o.what())
                        .toList()),
        failure -> preview.getItems().setAll(Errors.sentence(failure)));
  }
}

package io.usher.ui.servers;

import io.usher.domain.common.ValidationException;
import io.usher.domain.migrations.Migration;
import io.usher.domain.migrations.Move;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.UiTasks;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Window;

/**
 * "Move users…" on a server: the server to move to, then per user what the move will make there (or
 * why they cannot move and stay), each ticked to move; OK starts the move.
 */
final class MoveUsersDialog {
  private final ComboBox<String> to = new ComboBox<>();
  private final ListView<Move> preview = new ListView<>();
  private final Label summary = new Label();
  private final Set<Long> leftOut = new HashSet<>();
  private final String from;
  private final FormDialog<Migration> dialog;

  MoveUsersDialog(
      Window owner, UiTasks tasks, ServersViewModel model, String from, List<String> targets) {
    this.from = from;
    to.setId("move-to");
    to.getItems().setAll(targets);
    to.setPromptText("Choose a server");
    preview.setId("move-preview");
    preview.setPrefSize(560, 240);
    preview.setCellFactory(list -> new MoveCell(list));
    summary.setId("move-summary");
    summary.setWrapText(true);
    summary.setPrefWidth(560);
    summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    Form form = new Form();
    form.field(
        "to", "Move to", to, "Plex, Jellyfin or Emby: each user gets that server's welcome.");
    form.field("users", "Users on " + from, preview);
    form.field("summary", "", summary);
    to.valueProperty()
        .addListener(
            (o, was, now) -> {
              leftOut.clear();
              if (now != null) {
                summary.setText("Looking at each user…");
                tasks.run(
                    () -> model.previewMove(from, now),
                    moves -> {
                      preview.getItems().setAll(moves);
                      summarize();
                    },
                    failure -> {
                      preview.getItems().clear();
                      summary.setText(Errors.sentence(failure));
                    });
              }
            });
    dialog =
        new FormDialog<>(
            owner,
            "Move users from " + from,
            "Move users",
            form,
            tasks,
            () -> {
              if (to.getValue() == null) {
                throw ValidationException.of("to", "Choose the server to move the users to.");
              }
              List<Long> chosen = chosen();
              if (chosen.isEmpty()) {
                throw ValidationException.of(
                    "users", "No one is ticked who can move: tick at least one user.");
              }
              String target = to.getValue();
              return () -> model.startMove(from, target, chosen);
            });
    if (!targets.isEmpty()) {
      to.getSelectionModel().selectFirst();
    }
  }

  Optional<Migration> showAndWait() {
    return dialog.showAndWait();
  }

  private List<Long> chosen() {
    return preview.getItems().stream()
        .filter(m -> m.state() == Move.State.WAITING && !leftOut.contains(m.userId()))
        .map(Move::userId)
        .toList();
  }

  private void summarize() {
    long can = preview.getItems().stream().filter(m -> m.state() == Move.State.WAITING).count();
    long cannot = preview.getItems().size() - can;
    long ticked = chosen().size();
    summary.setText(
        preview.getItems().isEmpty()
            ? "No one is on " + from + ": there is no one to move."
            : ticked
                + " of "
                + preview.getItems().size()
                + (preview.getItems().size() == 1 ? " user" : " users")
                + " will move"
                + (cannot == 0 ? "." : "; " + cannot + " cannot and stay on " + from + ".")
                + " Each is shared on the new server first and taken off "
                + from
                + " only after that worked; payments stay as they are.");
  }

  /** A user's line: ticked to move (or not), what the move makes, or why they stay. */
  private final class MoveCell extends ListCell<Move> {
    private final CheckBox tick = new CheckBox();

    MoveCell(ListView<Move> list) {
      setWrapText(true);
      prefWidthProperty().bind(list.widthProperty().subtract(24));
    }

    @Override
    protected void updateItem(Move move, boolean empty) {
      super.updateItem(move, empty);
      if (empty || move == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      boolean can = move.state() == Move.State.WAITING;
      setText(move.who() + " — " + (can ? move.detail() : "stays: " + move.detail()));
      tick.setDisable(!can);
      tick.setSelected(can && !leftOut.contains(move.userId()));
      tick.setOnAction(
          e -> {
            if (tick.isSelected()) {
              leftOut.remove(move.userId());
            } else {
              leftOut.add(move.userId());
            }
            summarize();
          });
      setGraphic(tick);
    }
  }
}

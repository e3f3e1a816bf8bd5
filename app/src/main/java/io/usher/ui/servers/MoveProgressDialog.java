package io.usher.ui.servers;

import io.usher.domain.migrations.Migration;
import io.usher.domain.migrations.Move;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.Theme;
import io.usher.ui.kit.UiTasks;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * A move under way: how many users are done, each user's line as it settles, and "Cancel move"
 * (users not started stay where they are). Closing it leaves the move running; the report also
 * comes by mail.
 */
final class MoveProgressDialog {
  private final Dialog<Void> dialog = new Dialog<>();
  private final ProgressBar progress = new ProgressBar(0);
  private final Label status = new Label();
  private final ListView<String> lines = new ListView<>();
  private final Timeline poll;
  private final Button cancel;
  private Migration last;

  MoveProgressDialog(Window owner, UiTasks tasks, ServersViewModel model, Migration started) {
    dialog.initOwner(owner);
    String title = "Moving users from " + started.from() + " to " + started.to();
    dialog.setTitle(title);
    dialog.setHeaderText(title);
    progress.setId("move-progress");
    progress.setPrefWidth(560);
    status.setId("move-status");
    status.setWrapText(true);
    status.setPrefWidth(560);
    lines.setId("move-report");
    lines.setPrefSize(560, 240);
    lines.setCellFactory(
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
    dialog.getDialogPane().setContent(new VBox(10, progress, status, lines));
    dialog.getDialogPane().getStylesheets().addAll(Theme.stylesheets());
    ButtonType cancelType = new ButtonType("Cancel move", ButtonBar.ButtonData.OTHER);
    dialog.getDialogPane().getButtonTypes().addAll(cancelType, ButtonType.CLOSE);
    dialog.setResizable(true);
    cancel = (Button) dialog.getDialogPane().lookupButton(cancelType);
    cancel.setId("move-cancel");
    cancel.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          e.consume();
          cancel.setDisable(true);
          tasks.run(
              () -> model.cancelMove(started.id()),
              this::show,
              failure -> status.setText(Errors.sentence(failure)));
        });
    poll =
        new Timeline(
            new KeyFrame(
                Duration.seconds(1),
                e ->
                    tasks.run(
                        () -> model.move(started.id()),
                        this::show,
                        failure -> status.setText(Errors.sentence(failure)))));
    poll.setCycleCount(Timeline.INDEFINITE);
    show(started);
    dialog.setOnShown(e -> poll.play());
    dialog.setOnHidden(e -> poll.stop());
  }

  /** Shows the move until closed; returns where it stood then. */
  Migration showAndWait() {
    dialog.showAndWait();
    return last;
  }

  private void show(Migration m) {
    last = m;
    int all = m.moves().size();
    progress.setProgress(all == 0 ? 1 : (double) m.settled() / all);
    String counts =
        m.count(Move.State.MOVED)
            + " moved, "
            + m.count(Move.State.NOT_MOVED)
            + " not moved"
            + (m.count(Move.State.CANCELLED) > 0
                ? ", " + m.count(Move.State.CANCELLED) + " cancelled"
                : "");
    if (m.done()) {
      poll.stop();
      cancel.setDisable(true);
      status.setText("Finished: " + counts + ".");
      dialog.setHeaderText("Moved users from " + m.from() + " to " + m.to());
    } else {
      status.setText(
          m.settled()
              + " of "
              + all
              + " done ("
              + counts
              + ")"
              + (m.cancelled() != null ? "; cancelling the users not started yet…" : "…"));
      cancel.setDisable(m.cancelled() != null);
    }
    lines
        .getItems()
        .setAll(
            m.moves().stream()
                .map(
                    x ->
                        switch (x.state()) {
                              case WAITING -> "Waiting: ";
                              case ON_TARGET -> "On both servers, leaving " + m.from() + ": ";
                              case MOVED -> "Moved: ";
                              case NOT_MOVED -> "Not moved: ";
                              case CANCELLED -> "Cancelled: ";
                            }
                            + x.who()
                            + (x.state() == Move.State.WAITING ? "" : " — " + x.detail()))
                .toList());
  }
}

package io.usher.ui.sync;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The Sync button, and while a sync runs its progress bar, status and Cancel. */
public final class SyncBar {
  private final HBox root = new HBox(10);
  private final Button sync = new Button("Sync now");

  public SyncBar(SyncViewModel model, String idPrefix) {
    sync.setId(idPrefix + "-sync");
    sync.disableProperty().bind(model.running());
    sync.setTooltip(new Tooltip("Import and update users and shares from every enabled server."));
    sync.setOnAction(e -> model.start());
    ProgressBar bar = new ProgressBar();
    bar.progressProperty().bind(model.progress());
    bar.setPrefWidth(180);
    bar.visibleProperty().bind(model.running());
    bar.managedProperty().bind(bar.visibleProperty());
    Button cancel = new Button("Cancel");
    cancel.setId(idPrefix + "-sync-cancel");
    cancel.getStyleClass().add(Styles.FLAT);
    cancel.visibleProperty().bind(model.running());
    cancel.managedProperty().bind(cancel.visibleProperty());
    cancel.setOnAction(e -> model.cancel());
    Label status = new Label();
    status.setId(idPrefix + "-sync-status");
    status.textProperty().bind(model.status());
    status.getStyleClass().add(Styles.TEXT_MUTED);
    Tooltip problems = new Tooltip();
    problems.textProperty().bind(model.problems());
    status
        .tooltipProperty()
        .bind(
            Bindings.when(Bindings.isEmpty(model.problems()))
                .then((Tooltip) null)
                .otherwise(problems));
    root.getChildren().setAll(status, bar, cancel, sync);
    root.setAlignment(Pos.CENTER_RIGHT);
  }

  public Node node() {
    return root;
  }
}

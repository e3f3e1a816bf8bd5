package io.usher.ui.expiry;

import atlantafx.base.theme.Styles;
import io.usher.application.expiry.ExpireJob;
import io.usher.application.expiry.ExpiryStep;
import io.usher.application.jobs.JobResult;
import io.usher.domain.expiry.ExpiryAction;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.Theme;
import io.usher.ui.kit.UiTasks;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Expiry preview: who the expire job would take access from (or narrow to the grace group) right
 * now and why, read off the JavaFX thread; "Remove access now" runs the job for real after the
 * owner confirms, then shows what it did.
 */
public final class ExpiryPreviewDialog {
  private final Dialog<Void> dialog = new Dialog<>();
  private final ExpireJob job;
  private final UiTasks tasks;
  private final ObservableList<String> lines = FXCollections.observableArrayList();
  private final Label headline = new Label("Reading the ledger…");
  private final Button apply = new Button("Remove access now");
  private int pending;

  public ExpiryPreviewDialog(Window owner, ExpireJob job, UiTasks tasks) {
    this.job = job;
    this.tasks = tasks;
    dialog.initOwner(owner);
    dialog.setTitle("Expiry preview");
    dialog.setHeaderText("Expiry preview");
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    dialog.getDialogPane().getStylesheets().addAll(Theme.stylesheets());
    dialog.getDialogPane().setContent(createView());
    dialog.setResizable(true);
    load();
  }

  private VBox createView() {
    headline.setId("expiry-headline");
    headline.setWrapText(true);
    ListView<String> list = new ListView<>(lines);
    list.setId("expiry-lines");
    list.setPrefSize(680, 320);
    VBox.setVgrow(list, Priority.ALWAYS);
    Button refresh = new Button("Refresh");
    refresh.setId("expiry-refresh");
    refresh.getStyleClass().add(Styles.FLAT);
    refresh.setOnAction(e -> load());
    apply.setId("expiry-apply");
    apply.getStyleClass().add(Styles.DANGER);
    apply.setDisable(true);
    apply.setOnAction(e -> confirmAndRun());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(10, refresh, gap, apply);
    bar.setAlignment(Pos.CENTER_LEFT);
    VBox root = new VBox(12, headline, list, bar);
    root.setPrefWidth(720);
    return root;
  }

  private void load() {
    apply.setDisable(true);
    tasks.run(job::preview, this::show, this::failed);
  }

  private void show(List<ExpiryStep> steps) {
    pending = steps.size();
    long removing = steps.stream().filter(s -> s.action() == ExpiryAction.REMOVE).count();
    long narrowing = steps.size() - removing;
    headline.setText(
        steps.isEmpty()
            ? "Nobody would lose access now."
            : users(removing)
                + " would lose access"
                + (narrowing > 0 ? ", " + users(narrowing) + " would be narrowed for grace" : "")
                + ".");
    lines.setAll(steps.stream().map(ExpiryPreviewDialog::line).toList());
    apply.setDisable(steps.isEmpty());
  }

  private static String line(ExpiryStep s) {
    String what = s.action() == ExpiryAction.REMOVE ? "loses " : "narrowed on ";
    return s.who() + " — " + what + String.join(", ", s.servers()) + " — " + s.reason();
  }

  private void confirmAndRun() {
    Alert confirm =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "Change the access of "
                + users(pending)
                + " on the servers now? This is what the hourly expire job would do.",
            ButtonType.CANCEL,
            ButtonType.OK);
    confirm.initOwner(dialog.getDialogPane().getScene().getWindow());
    confirm.setHeaderText("Remove access now");
    confirm.getDialogPane().getStylesheets().addAll(Theme.stylesheets());
    if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
      return;
    }
    apply.setDisable(true);
    headline.setText("Removing access…");
    tasks.run(() -> job.run(false), this::done, this::failed);
  }

  private void done(JobResult result) {
    headline.setText(result.summary() + ".");
    lines.setAll(result.details());
    pending = 0;
  }

  private void failed(Throwable failure) {
    headline.setText(Errors.sentence(failure));
    headline.getStyleClass().add(Styles.DANGER);
  }

  /** The lines shown, for tests. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  public String headline() {
    return headline.getText();
  }

  public void showAndWait() {
    dialog.showAndWait();
  }

  public void show() {
    dialog.show();
  }

  private static String users(long n) {
    return n == 1 ? "1 user" : n + " users";
  }
}

package io.usher.ui.jobs;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.usher.application.jobs.JobStatus;
import io.usher.ui.kit.Banner;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Header;
import io.usher.ui.kit.Screen;
import io.usher.ui.kit.Tables;
import java.time.Duration;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** What every timed job did last, when it runs next, and a button to run one now. */
public final class JobsView implements Screen {
  private final JobsViewModel model;
  private final Formats formats;
  private final VBox root = new VBox(14);
  private final TableView<JobStatus> table = new TableView<>();
  private final java.util.function.Consumer<javafx.stage.Window> expiryPreview;

  public JobsView(
      JobsViewModel model,
      Formats formats,
      java.util.function.Consumer<javafx.stage.Window> expiryPreview) {
    this.model = model;
    this.formats = formats;
    this.expiryPreview = expiryPreview;
    createView();
  }

  private void createView() {
    Button run = new Button("Run now");
    run.setId("jobs-run");
    run.getStyleClass().add(Styles.ACCENT);
    Button preview = new Button("Who would expire…");
    preview.setId("jobs-expiry-preview");
    preview.setOnAction(
        e -> {
          expiryPreview.accept(root.getScene().getWindow());
          model.load();
        });
    Button dry = new Button("Dry run");
    dry.setId("jobs-dry-run");
    run.disableProperty()
        .bind(table.getSelectionModel().selectedItemProperty().isNull().or(model.running()));
    dry.disableProperty().bind(run.disableProperty());
    run.setOnAction(e -> model.run(table.getSelectionModel().getSelectedItem().name(), false));
    dry.setOnAction(e -> model.run(table.getSelectionModel().getSelectedItem().name(), true));

    table.setId("jobs-table");
    table.setItems(model.jobs());
    table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
    Tables.fitOrScroll(table);
    table
        .getColumns()
        .setAll(
            Tables.text("Job", 95, JobStatus::name),
            Tables.text("What it does", 250, JobStatus::description),
            Tables.text("Runs", 110, JobStatus::cadence),
            Tables.text(
                "Last run",
                150,
                s -> s.last() == null ? "never" : formats.dateTime(s.last().startedAt())),
            Tables.text("Took", 60, s -> took(s.last() == null ? null : s.last().duration())),
            Tables.text("Outcome", 95, s -> s.last() == null ? "" : s.last().outcome()),
            Tables.text("Next run", 150, s -> formats.dateTime(s.nextRun())),
            Tables.text("Last result", 280, s -> s.last() == null ? "" : s.last().message()));
    table.setPlaceholder(new Label("No jobs."));
    VBox.setVgrow(table, Priority.ALWAYS);

    TextArea output = new TextArea();
    output.setId("jobs-output");
    output.setEditable(false);
    output.setPrefRowCount(6);
    output.textProperty().bind(model.output());
    output.setPromptText("Select a job and run it: what it did appears here.");

    Label error = Banner.error(model.error());
    error.setId("jobs-error");
    root.getChildren()
        .setAll(
            Header.of(
                "Jobs",
                "What Usher does on its own, when it last did it, and when it will again.",
                preview,
                dry,
                run),
            error,
            table,
            output);
    root.setPadding(new Insets(24));
  }

  private static String took(Duration d) {
    if (d == null) {
      return "";
    }
    return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void refresh() {
    model.load();
  }
}

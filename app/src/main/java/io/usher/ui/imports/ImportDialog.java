package io.usher.ui.imports;

import atlantafx.base.theme.Styles;
import io.usher.application.imports.CsvImportService;
import io.usher.ui.kit.Theme;
import io.usher.ui.kit.UiTasks;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Bulk invite from a CSV file: choose it, see its problems (nothing imported) or what each row
 * would do with the Plex ban warning, then start, watch and cancel the import. Closing the dialog
 * while it runs leaves the import running; the owner still gets the report.
 */
public final class ImportDialog {
  private final Dialog<Void> dialog = new Dialog<>();
  private final ImportViewModel model;
  private final Window owner;

  public ImportDialog(Window owner, CsvImportService imports, UiTasks tasks) {
    this.owner = owner;
    this.model = new ImportViewModel(imports, tasks);
    dialog.initOwner(owner);
    dialog.setTitle("Bulk invite from CSV");
    dialog.setHeaderText("Bulk invite from CSV");
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    dialog.getDialogPane().getStylesheets().addAll(Theme.stylesheets());
    dialog.getDialogPane().setContent(createView());
    dialog.setResizable(true);
  }

  private VBox createView() {
    Button choose = new Button("Choose CSV file…");
    choose.setId("import-choose");
    choose.setOnAction(e -> chooseFile());
    Button example = new Button("Save example CSV…");
    example.setId("import-example");
    example.getStyleClass().add(Styles.FLAT);
    example.setOnAction(e -> saveExample());
    choose
        .disableProperty()
        .bind(
            model
                .stage()
                .isEqualTo(ImportViewModel.Stage.RUNNING)
                .or(model.stage().isEqualTo(ImportViewModel.Stage.CHECKING)));

    Label headline = new Label();
    headline.setId("import-headline");
    headline.setWrapText(true);
    headline.textProperty().bind(model.headline());
    headline
        .styleProperty()
        .bind(
            Bindings.when(model.stage().isEqualTo(ImportViewModel.Stage.PROBLEMS))
                .then("-fx-text-fill: -color-danger-fg;")
                .otherwise(""));

    ListView<String> lines = new ListView<>(model.lines());
    lines.setId("import-lines");
    lines.setPrefSize(680, 280);
    VBox.setVgrow(lines, Priority.ALWAYS);

    Label warning = new Label();
    warning.setId("import-warning");
    warning.setWrapText(true);
    warning.getStyleClass().add(Styles.WARNING);
    warning.textProperty().bind(model.warning());
    warning.visibleProperty().bind(model.warning().isNotEmpty());
    warning.managedProperty().bind(warning.visibleProperty());

    ProgressBar bar = new ProgressBar();
    bar.setId("import-progress");
    bar.setPrefWidth(220);
    bar.progressProperty().bind(model.progress());
    Label current = new Label();
    current.setId("import-current");
    current.getStyleClass().add(Styles.TEXT_MUTED);
    current.textProperty().bind(model.current());
    Button cancel = new Button("Cancel");
    cancel.setId("import-cancel");
    cancel.setOnAction(e -> model.cancel());
    HBox running = new HBox(10, bar, current, cancel);
    running.setAlignment(Pos.CENTER_LEFT);
    running.visibleProperty().bind(model.stage().isEqualTo(ImportViewModel.Stage.RUNNING));
    running.managedProperty().bind(running.visibleProperty());

    Button start = new Button("Start import");
    start.setId("import-start");
    start.getStyleClass().add(Styles.ACCENT);
    start.disableProperty().bind(model.stage().isNotEqualTo(ImportViewModel.Stage.READY));
    start.setOnAction(e -> model.start());

    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox top = new HBox(10, choose, example, gap, start);
    top.setAlignment(Pos.CENTER_LEFT);
    VBox root = new VBox(12, top, headline, lines, warning, running);
    root.setPrefWidth(720);
    return root;
  }

  private void chooseFile() {
    FileChooser chooser = csvChooser("Choose the CSV file to import");
    File file = chooser.showOpenDialog(owner);
    if (file != null) {
      model.check(file.toPath());
    }
  }

  private void saveExample() {
    FileChooser chooser = csvChooser("Save the example CSV");
    chooser.setInitialFileName("bulk-invite-example.csv");
    File file = chooser.showSaveDialog(owner);
    if (file != null) {
      model.saveExample(file.toPath());
    }
  }

  private static FileChooser csvChooser(String title) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
    return chooser;
  }

  /** The dialog's model, for tests that drive it without a file chooser. */
  public ImportViewModel model() {
    return model;
  }

  public void showAndWait() {
    dialog.showAndWait();
  }

  public void show() {
    dialog.show();
  }
}

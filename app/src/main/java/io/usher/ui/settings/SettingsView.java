package io.usher.ui.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.usher.application.settings.SettingView;
import io.usher.domain.backups.BackupFile;
import io.usher.ui.kit.Banner;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Header;
import io.usher.ui.kit.Placeholder;
import io.usher.ui.kit.Screen;
import io.usher.ui.kit.Tables;
import io.usher.ui.kit.Theme;
import io.usher.ui.kit.UiTasks;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The settings of this data folder, the same keys {@code usher settings} reads and writes, and the
 * ledger's backups, as {@code usher backup} and {@code usher restore} handle them.
 */
public final class SettingsView implements Screen {
  private final SettingsViewModel model;
  private final UiTasks tasks;
  private final Formats formats;
  private final VBox root = new VBox(14);
  private final TableView<SettingView> table = new TableView<>();
  private final TableView<BackupFile> backups = new TableView<>();

  public SettingsView(SettingsViewModel model, UiTasks tasks, Formats formats) {
    this.model = model;
    this.tasks = tasks;
    this.formats = formats;
    createView();
  }

  private void createView() {
    Button stripe = new Button("Test Stripe keys");
    stripe.setId("settings-test-stripe");
    stripe.setOnAction(e -> model.testStripe());
    Button paypal = new Button("Test PayPal keys");
    paypal.setId("settings-test-paypal");
    paypal.setOnAction(e -> model.testPayPal());
    Button edit = new Button("Change…");
    edit.setId("settings-edit");
    edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    edit.setOnAction(e -> openDialog(table.getSelectionModel().getSelectedItem()));

    table.setItems(model.settings());
    table.setId("settings-table");
    table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table
        .getColumns()
        .setAll(
            Tables.text("Setting", 210, SettingView::key),
            Tables.text("Value", 190, SettingView::value),
            Tables.text("Default", 130, s -> s.secret() ? "" : s.defaultValue()),
            Tables.text("What it does", 380, SettingView::description));
    Tables.onDoubleClick(table, this::openDialog);
    VBox.setVgrow(table, Priority.ALWAYS);

    Label error = Banner.error(model.error());
    error.setId("settings-error");
    Label notice = Banner.notice(model.notice());
    notice.setId("settings-notice");

    root.getChildren()
        .setAll(
            Header.of(
                "Settings",
                "How Usher behaves on this machine. Secrets are shown masked and never logged.",
                paypal,
                stripe,
                edit),
            notice,
            error,
            table,
            backupsSection());
    root.setPadding(new Insets(24));
  }

  private Node backupsSection() {
    Button now = new Button("Back up now");
    now.setId("backup-now");
    now.disableProperty().bind(model.busy());
    now.setOnAction(e -> model.backUpNow());
    Button restore = new Button("Restore…");
    restore.setId("backup-restore");
    restore
        .disableProperty()
        .bind(
            Bindings.or(model.busy(), backups.getSelectionModel().selectedItemProperty().isNull()));
    restore.setOnAction(e -> confirmRestore(backups.getSelectionModel().getSelectedItem()));

    Label title = new Label("Backups");
    title.getStyleClass().add(Styles.TITLE_4);
    Label sub =
        new Label("Taken every day (the newest backup.keep are kept) and before every upgrade.");
    sub.getStyleClass().add(Styles.TEXT_MUTED);
    VBox words = new VBox(2, title, sub);
    HBox.setHgrow(words, Priority.ALWAYS);
    now.setMinWidth(Region.USE_PREF_SIZE);
    restore.setMinWidth(Region.USE_PREF_SIZE);
    HBox head = new HBox(10, words, now, restore);
    head.setAlignment(Pos.CENTER_LEFT);

    backups.setId("backups-table");
    backups.setItems(model.backups());
    backups.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
    backups.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    backups
        .getColumns()
        .setAll(
            Tables.text("Taken", 170, b -> formats.dateTime(b.created())),
            Tables.text("Size", 90, b -> size(b.bytes())),
            Tables.text("Ledger version", 120, b -> Integer.toString(b.schema())),
            Tables.text("File", 420, b -> String.valueOf(Path.of(b.file()).getFileName())));
    backups.setPlaceholder(
        Placeholder.of("No backups yet", "Usher takes one every day, or now with Back up now."));
    backups.setPrefHeight(190);
    backups.setMinHeight(150);
    Tables.onDoubleClick(backups, this::confirmRestore);
    return new VBox(10, head, backups);
  }

  private void confirmRestore(BackupFile backup) {
    if (model.busy().get()) {
      return;
    }
    String taken = formats.dateTime(backup.created());
    Alert confirm =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "Usher backs up the ledger as it is now, puts the backup taken "
                + taken
                + " in its place and opens this window again on it. Payments and changes made"
                + " since "
                + taken
                + " are not in that backup; they stay in the one taken now. The checkout page"
                + " and the timers pause for those few seconds.",
            ButtonType.CANCEL,
            ButtonType.OK);
    confirm.initOwner(root.getScene().getWindow());
    confirm.setHeaderText("Restore " + Path.of(backup.file()).getFileName() + "?");
    confirm.getDialogPane().getStylesheets().addAll(Theme.stylesheets());
    confirm.getDialogPane().setPrefWidth(560);
    ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText("Restore");
    ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setId("restore-confirm");
    if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
      model.restore(backup);
    }
  }

  private static String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return Math.max(1, bytes / 1024) + " KB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  private void openDialog(SettingView setting) {
    TextField input = setting.secret() ? new PasswordField() : new TextField();
    input.setId("setting-value");
    if (!setting.secret()) {
      input.setText(setting.value());
    }
    input.setPromptText(
        setting.secret()
            ? (setting.value().isEmpty()
                ? "Not set"
                : "Set (" + setting.value() + "): type to replace")
            : setting.defaultValue());
    Form form = new Form().field(setting.key(), setting.key(), input, setting.description() + ".");
    new FormDialog<>(
            root.getScene().getWindow(),
            "Change " + setting.key(),
            "Save",
            form,
            tasks,
            () -> model.save(setting.key(), input.getText()))
        .showAndWait()
        .ifPresent(saved -> model.load());
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

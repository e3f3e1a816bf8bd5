package io.usher.ui.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.usher.application.settings.SettingView;
import io.usher.ui.kit.Banner;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.Header;
import io.usher.ui.kit.Screen;
import io.usher.ui.kit.Tables;
import io.usher.ui.kit.UiTasks;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The settings of this data folder, the same keys {@code usher settings} reads and writes. */
public final class SettingsView implements Screen {
  private final SettingsViewModel model;
  private final UiTasks tasks;
  private final VBox root = new VBox(14);
  private final TableView<SettingView> table = new TableView<>();

  public SettingsView(SettingsViewModel model, UiTasks tasks) {
    this.model = model;
    this.tasks = tasks;
    createView();
  }

  private void createView() {
    Button stripe = new Button("Test Stripe keys");
    stripe.setId("settings-test-stripe");
    stripe.setOnAction(e -> model.testStripe());
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
    Label notice = Banner.notice(model.notice());
    notice.setId("settings-notice");

    root.getChildren()
        .setAll(
            Header.of(
                "Settings",
                "How Usher behaves on this machine. Secrets are shown masked and never logged.",
                stripe,
                edit),
            notice,
            error,
            table);
    root.setPadding(new Insets(24));
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

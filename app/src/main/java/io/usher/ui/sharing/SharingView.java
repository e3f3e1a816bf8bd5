package io.usher.ui.sharing;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.usher.application.sharing.SharingService;
import io.usher.ui.kit.Banner;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Header;
import io.usher.ui.kit.Placeholder;
import io.usher.ui.kit.Screen;
import io.usher.ui.kit.Tables;
import io.usher.ui.kit.Theme;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Who seems to share their account, strongest evidence first, with the streams behind it, and the
 * owner's answers: warn by mail, set the evidence aside, or remove access. Nothing is done until
 * the owner chooses.
 */
public final class SharingView implements Screen {
  private final SharingViewModel model;
  private final Formats formats;
  private final VBox root = new VBox(14);
  private final TableView<SharingService.Row> table;

  public SharingView(SharingViewModel model, Formats formats) {
    this.model = model;
    this.formats = formats;
    this.table = new TableView<>(model.rows());
    createView();
  }

  private void createView() {
    ChoiceBox<Integer> days = new ChoiceBox<>();
    days.setId("sharing-days");
    days.getItems().setAll(7, SharingService.MAX_DAYS);
    days.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Integer n) {
            return n == null ? "" : "Last " + n + " days";
          }

          @Override
          public Integer fromString(String text) {
            return null;
          }
        });
    days.setValue(model.days().get());
    days.valueProperty().addListener((obs, was, now) -> model.days().set(now));
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(model.loading());

    Button warn = new Button("Warn by mail");
    warn.setId("sharing-warn");
    warn.setOnAction(e -> selected(model::warn));
    Button ignore = new Button("Set aside");
    ignore.setId("sharing-ignore");
    ignore.setOnAction(e -> selected(model::ignore));
    Button remove = new Button("Remove access…");
    remove.setId("sharing-remove");
    remove.getStyleClass().add(Styles.DANGER);
    remove.setOnAction(e -> selected(this::confirmRemove));
    for (Button b : new Button[] {warn, ignore, remove}) {
      b.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty()));
    }
    HBox bar = new HBox(10, days, busy, warn, ignore, remove);
    bar.setAlignment(Pos.CENTER_LEFT);

    Button reload = new Button("Reload");
    reload.setId("sharing-reload");
    reload.setOnAction(e -> model.load());

    table.setId("sharing-table");
    table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
    Tables.fitOrScroll(table);
    table
        .getColumns()
        .setAll(
            Tables.text("User", 200, SharingViewModel::who),
            Tables.text("Plan", 110, r -> r.plan() == null ? "" : r.plan()),
            Tables.text("Streams", 85, r -> Integer.toString(r.streams())),
            Tables.text("Score", 60, r -> Integer.toString(r.suspect().score())),
            Tables.text("Evidence", 460, r -> String.join("; ", r.suspect().evidence())),
            Tables.text(
                "Warned", 130, r -> r.warnedAt() == null ? "" : formats.dateTime(r.warnedAt())));
    table.setPlaceholder(
        Placeholder.of(
            "No sign of sharing",
            "Users who watch from two networks at once, from places too far apart to have"
                + " travelled between, or from more networks or devices than their plan explains,"
                + " are listed here. The enforce job reads the streams every 5 minutes; your own"
                + " and LAN addresses never count."));
    VBox.setVgrow(table, Priority.ALWAYS);

    Label evidence = new Label("Select a user to see the evidence and the streams behind it.");
    evidence.setId("sharing-evidence");
    evidence.setWrapText(true);
    evidence.getStyleClass().add(Styles.TEXT_MUTED);
    TableView<SharingService.Seen> streams = new TableView<>();
    streams.setId("sharing-streams");
    streams.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, Styles.DENSE);
    Tables.fitOrScroll(streams);
    streams.setPrefHeight(170);
    streams
        .getColumns()
        .setAll(
            Tables.text("From", 130, x -> formats.dateTime(x.from())),
            Tables.text("Until", 130, x -> formats.dateTime(x.to())),
            Tables.text("Server", 120, x -> x.server() == null ? "(removed)" : x.server()),
            Tables.text("Device", 180, x -> x.device() == null ? "" : x.device()),
            Tables.text("Address", 160, x -> x.address() == null ? "" : x.address()),
            Tables.text("Where", 160, x -> x.place() == null ? "" : x.place()));
    streams.setPlaceholder(new Label(""));
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, was, row) -> {
              if (row == null) {
                evidence.setText("Select a user to see the evidence and the streams behind it.");
                streams.getItems().clear();
              } else {
                evidence.setText(
                    SharingViewModel.who(row)
                        + ": "
                        + String.join("; ", row.suspect().evidence())
                        + ".");
                streams.getItems().setAll(row.seen());
              }
            });

    // The details say nothing while nobody is listed: the placeholder above explains the screen.
    for (Node details : new Node[] {evidence, streams}) {
      details.visibleProperty().bind(Bindings.isNotEmpty(model.rows()));
      details.managedProperty().bind(details.visibleProperty());
    }

    Label count = new Label();
    count.setId("sharing-count");
    count.textProperty().bind(model.count());
    count.getStyleClass().add(Styles.TEXT_MUTED);
    Label notice = Banner.notice(model.notice());
    notice.setId("sharing-notice");
    Label error = Banner.error(model.error());
    error.setId("sharing-error");

    root.getChildren()
        .setAll(
            Header.of(
                "Sharing",
                "Users whose streams suggest they share their account. Nothing happens until you"
                    + " choose.",
                reload),
            bar,
            notice,
            error,
            table,
            evidence,
            streams,
            count);
    root.setPadding(new Insets(24));
  }

  private void selected(Consumer<SharingService.Row> action) {
    SharingService.Row row = table.getSelectionModel().getSelectedItem();
    if (row != null) {
      action.accept(row);
    }
  }

  private void confirmRemove(SharingService.Row row) {
    Alert confirm =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            SharingViewModel.who(row)
                + " loses their shares on every server now, as Remove access on the Users screen"
                + " does. Their payments stay in the ledger.",
            ButtonType.CANCEL,
            ButtonType.OK);
    confirm.initOwner(root.getScene().getWindow());
    confirm.setHeaderText("Remove the access of " + SharingViewModel.who(row) + "?");
    confirm.getDialogPane().getStylesheets().addAll(Theme.stylesheets());
    ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText("Remove access");
    confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.removeAccess(row));
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void refresh() {
    model.load();
  }

  @Override
  public boolean followsLedger() {
    return true;
  }
}

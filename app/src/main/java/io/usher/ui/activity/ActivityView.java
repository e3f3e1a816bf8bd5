package io.usher.ui.activity;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.usher.domain.enforce.ActivityEntry;
import io.usher.ui.kit.Banner;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Header;
import io.usher.ui.kit.Placeholder;
import io.usher.ui.kit.Screen;
import io.usher.ui.kit.Tables;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The enforcement log: every stream Usher stopped (or tried to), when, whose, where and why. */
public final class ActivityView implements Screen {
  private final ActivityViewModel model;
  private final DateTimeFormatter time;
  private final VBox root = new VBox(14);

  public ActivityView(ActivityViewModel model, Formats formats) {
    this.model = model;
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(formats.zone());
    createView();
  }

  private void createView() {
    TextField filter = new TextField();
    filter.setId("activity-filter");
    filter.setPromptText("Filter by user, server, device, IP, reason…");
    filter.setPrefWidth(320);
    filter.textProperty().bindBidirectional(model.filter());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(model.loading());
    HBox filters = new HBox(10, filter, busy);
    filters.setAlignment(Pos.CENTER_LEFT);

    Button reload = new Button("Reload");
    reload.setId("activity-reload");
    reload.setOnAction(e -> model.load());

    TableView<ActivityEntry> table = new TableView<>(model.shown());
    table.setId("activity-table");
    table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
    Tables.fitOrScroll(table);
    table
        .getColumns()
        .setAll(
            Tables.sortable("When", 130, ActivityEntry::at, this::when),
            Tables.text("User", 170, e -> orEmpty(e.user())),
            Tables.text("Server", 110, e -> orEmpty(e.server())),
            Tables.text("Device", 130, e -> orEmpty(e.device())),
            Tables.text("IP", 110, e -> orEmpty(e.ip())),
            Tables.text("Session", 110, ActivityEntry::sessionId),
            Tables.text("What", 170, e -> e.reason().label()),
            Tables.text("Why", 260, ActivityEntry::why),
            Tables.text("Outcome", 220, ActivityViewModel::outcome));
    table.setPlaceholder(
        Placeholder.of(
            "Nothing enforced yet",
            "Streams Usher stops for going over a plan's limits are listed here."));
    VBox.setVgrow(table, Priority.ALWAYS);

    Label count = new Label();
    count.setId("activity-count");
    count.textProperty().bind(model.count());
    count.getStyleClass().add(Styles.TEXT_MUTED);
    Label error = Banner.error(model.error());

    root.getChildren()
        .setAll(
            Header.of(
                "Activity",
                "What enforcement did: streams stopped and devices signed out, when, whose and why.",
                reload),
            filters,
            error,
            table,
            count);
    root.setPadding(new Insets(24));
  }

  private String when(Instant at) {
    return time.format(at);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
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

package io.usher.ui.servers;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.usher.application.servers.ServerRow;
import io.usher.domain.media.ServerKind;
import io.usher.domain.servers.Library;
import io.usher.domain.servers.ServerSettings;
import io.usher.ui.kit.Banner;
import io.usher.ui.kit.Browser;
import io.usher.ui.kit.Header;
import io.usher.ui.kit.OneFieldDialog;
import io.usher.ui.kit.Placeholder;
import io.usher.ui.kit.Screen;
import io.usher.ui.kit.Tables;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.sync.SyncBar;
import io.usher.ui.sync.SyncViewModel;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The servers Usher sells, their libraries sorted into groups (a new library stays Private — never
 * shared — until the owner puts it in a group), and the groups and locations themselves.
 */
public final class ServersView implements Screen {
  private final ServersViewModel model;
  private final UiTasks tasks;
  private final Browser browser;
  private final VBox root = new VBox(14);
  private final TableView<ServerRow> servers = new TableView<>();

  /**
   * @param browser opens plex.tv's sign-in page for "Sign in with Plex"
   */
  public ServersView(ServersViewModel model, SyncViewModel sync, UiTasks tasks, Browser browser) {
    this.model = model;
    this.tasks = tasks;
    this.browser = browser;
    createView(sync);
  }

  private void createView(SyncViewModel sync) {
    MenuButton add = new MenuButton("Add server");
    add.setId("servers-add");
    add.getStyleClass().add(Styles.ACCENT);
    MenuItem plex = new MenuItem("Plex…");
    plex.setId("servers-add-plex");
    plex.setOnAction(
        e -> added(new AddPlexDialog(window(), tasks, model, browser).showAndWait().isPresent()));
    MenuItem jellyfin = new MenuItem("Jellyfin…");
    jellyfin.setId("servers-add-jellyfin");
    jellyfin.setOnAction(e -> addMediaBrowser(ServerKind.JELLYFIN));
    MenuItem emby = new MenuItem("Emby…");
    emby.setId("servers-add-emby");
    emby.setOnAction(e -> addMediaBrowser(ServerKind.EMBY));
    add.getItems().setAll(plex, jellyfin, emby);

    Button test = new Button("Test connection");
    test.setId("servers-test");
    test.setOnAction(e -> model.test(servers.getSelectionModel().getSelectedItem()));
    Button edit = new Button("Edit…");
    edit.setId("servers-edit");
    edit.setOnAction(e -> openEdit(servers.getSelectionModel().getSelectedItem()));
    Button move = new Button("Move users…");
    move.setId("servers-move");
    move.setOnAction(e -> openMove(servers.getSelectionModel().getSelectedItem()));
    test.disableProperty().bind(servers.getSelectionModel().selectedItemProperty().isNull());
    edit.disableProperty().bind(test.disableProperty());
    move.disableProperty()
        .bind(
            test.disableProperty()
                .or(javafx.beans.binding.Bindings.size(model.servers()).lessThan(2)));

    servers.setId("servers-table");
    servers.setItems(model.servers());
    servers.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
    Tables.fitOrScroll(servers);
    servers
        .getColumns()
        .setAll(
            Tables.text("Name", 150, r -> r.server().name()),
            Tables.text("Kind", 80, r -> r.server().kind().label()),
            Tables.text("Address", 230, r -> r.server().url()),
            Tables.text("Location", 110, r -> orDash(r.server().settings().location())),
            Tables.text("Users", 90, ServersView::users),
            Tables.text("Accepts", 170, r -> accepts(r.server().settings())));
    servers.setPlaceholder(
        Placeholder.of(
            "No servers linked yet",
            "Add server: Sign in with Plex, or give a Jellyfin or Emby server's address and API"
                + " key. Usher imports its libraries; Sync then brings in everyone who shares it."));
    servers
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> model.selected().set(now));

    Button lastMove = new Button("Last move…");
    lastMove.setId("servers-last-move");
    lastMove.setOnAction(e -> showMove(model.lastMove().get()));
    lastMove.disableProperty().bind(model.lastMove().isNull());
    HBox serverActions = new HBox(8, test, edit, move, lastMove);
    serverActions.setAlignment(Pos.CENTER_LEFT);
    Label serversTitle = title("Servers");
    VBox serverBox = new VBox(8, new HBox(12, serversTitle, serverActions), servers);
    VBox.setVgrow(servers, Priority.ALWAYS);

    VBox libraryBox = new VBox(8, title("Libraries"), libraries());
    VBox.setVgrow(libraryBox.getChildren().get(1), Priority.ALWAYS);
    HBox.setHgrow(libraryBox, Priority.ALWAYS);
    VBox side =
        new VBox(
            14,
            namedList("Library groups", "groups", model.groups(), this::addGroup),
            namedList("Server locations", "locations", model.locations(), this::addLocation));
    side.setPrefWidth(260);
    side.setMinWidth(Region.USE_PREF_SIZE);
    HBox lower = new HBox(18, libraryBox, side);

    SplitPane split = new SplitPane(serverBox, lower);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.42);
    VBox.setVgrow(split, Priority.ALWAYS);

    Label message = Banner.notice(model.message());
    message.setId("servers-message");
    Label error = Banner.error(model.error());
    error.setId("servers-error");

    root.getChildren()
        .setAll(
            Header.of(
                "Servers & Libraries",
                "The servers you sell, and which libraries each plan's groups open.",
                new SyncBar(sync, "servers").node(),
                add),
            message,
            model.waiting().node("servers-waiting"),
            error,
            split);
    root.setPadding(new Insets(24));
  }

  private TableView<Library> libraries() {
    TableView<Library> table = new TableView<>(model.libraries());
    table.setId("libraries-table");
    table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
    Tables.fitOrScroll(table);
    TableColumn<Library, Library> group = new TableColumn<>("Group");
    group.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    group.setCellFactory(c -> new GroupCell());
    Tables.fixedAtLeast(group, 170);
    group.setSortable(false);
    table
        .getColumns()
        .setAll(
            Tables.text("Library", 220, Library::title),
            Tables.text("Server", 140, Library::server),
            Tables.text("Type", 90, l -> orDash(l.type())),
            group);
    table.setPlaceholder(
        Placeholder.of(
            "No libraries yet",
            "Libraries appear here when a server is linked; select a server to see only its own."));
    return table;
  }

  private VBox namedList(
      String heading, String id, javafx.collections.ObservableList<String> items, Runnable add) {
    ListView<String> list = new ListView<>(items);
    list.setId(id + "-list");
    list.setPrefHeight(120);
    list.getStyleClass().add(Styles.DENSE);
    Button addButton = new Button("Add…");
    addButton.setId(id + "-add");
    addButton.getStyleClass().add(Styles.SMALL);
    addButton.setOnAction(e -> add.run());
    addButton.setMinWidth(Region.USE_PREF_SIZE);
    Label name = title(heading);
    name.setMinWidth(Region.USE_PREF_SIZE);
    HBox head = new HBox(10, name, addButton);
    head.setAlignment(Pos.CENTER_LEFT);
    return new VBox(6, head, list);
  }

  private void addMediaBrowser(ServerKind kind) {
    added(new AddServerDialog(window(), tasks, model, kind).showAndWait().isPresent());
  }

  private void openEdit(ServerRow row) {
    new EditServerDialog(window(), tasks, model, row.server(), model.locations())
        .showAndWait()
        .ifPresent(s -> model.load());
  }

  private void openMove(ServerRow row) {
    String from = row.server().name();
    List<String> targets =
        model.servers().stream().map(r -> r.server().name()).filter(n -> !n.equals(from)).toList();
    new MoveUsersDialog(window(), tasks, model, from, targets)
        .showAndWait()
        .ifPresent(this::showMove);
  }

  /** A move's progress, or its report once done (Last move… shows it again). */
  private void showMove(io.usher.domain.migrations.Migration shown) {
    io.usher.domain.migrations.Migration m =
        new MoveProgressDialog(window(), tasks, model, shown).showAndWait();
    model.load();
    if (!m.done()) {
      model.notice(
          "Moving users from "
              + m.from()
              + " to "
              + m.to()
              + ": the owner's email address gets the report when the last user is done;"
              + " Last move… shows it here.");
    }
  }

  private void addGroup() {
    new OneFieldDialog(
            window(), tasks, "Add a library group", "group", "Name", "e.g. 4K", model::addGroup)
        .showAndWait()
        .ifPresent(g -> model.load());
  }

  private void addLocation() {
    new OneFieldDialog(
            window(),
            tasks,
            "Add a server location",
            "location",
            "Name",
            "e.g. Europe",
            model::addLocation)
        .showAndWait()
        .ifPresent(g -> model.load());
  }

  private void added(boolean linked) {
    if (linked) {
      model.load();
    }
  }

  private javafx.stage.Window window() {
    return root.getScene().getWindow();
  }

  private static Label title(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(Styles.TITLE_4);
    return l;
  }

  private static String users(ServerRow r) {
    Integer cap = r.server().settings().capacity();
    return cap == null ? Integer.toString(r.users()) : r.users() + " / " + cap;
  }

  private static String accepts(ServerSettings s) {
    if (!s.enabled()) {
      return "Disabled";
    }
    if (s.trialOnly()) {
      return "Trials only";
    }
    if (!s.acceptsNewUsers()) {
      return "No new users";
    }
    return s.acceptsTrials() ? "New users, trials" : "New users";
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "–" : s;
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void refresh() {
    model.load();
  }

  /** A library's group, changed in place: the change is saved at once. */
  private final class GroupCell extends TableCell<Library, Library> {
    private final ComboBox<String> choice = new ComboBox<>(model.groups());

    GroupCell() {
      choice.getStyleClass().add(Styles.SMALL);
      choice.setMaxWidth(Double.MAX_VALUE);
      choice.setOnAction(
          e -> {
            Library library = getItem();
            String picked = choice.getValue();
            if (library != null && picked != null && !picked.equals(library.group())) {
              model.setGroup(library, picked);
            }
          });
    }

    @Override
    protected void updateItem(Library library, boolean empty) {
      super.updateItem(library, empty);
      setText(null);
      if (empty || library == null) {
        setGraphic(null);
        return;
      }
      choice.setValue(library.group());
      choice.setId("group-" + library.id());
      setGraphic(choice);
    }
  }
}

package io.usher.ui.users;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.usher.domain.ledger.PaymentRow;
import io.usher.domain.ledger.UserRow;
import io.usher.ui.kit.Badge;
import io.usher.ui.kit.Banner;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Header;
import io.usher.ui.kit.Placeholder;
import io.usher.ui.kit.Screen;
import io.usher.ui.kit.Tables;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.payments.PaymentDialog;
import io.usher.ui.payments.PaymentsView;
import io.usher.ui.payments.PaymentsViewModel;
import io.usher.ui.sync.SyncBar;
import io.usher.ui.sync.SyncViewModel;
import java.time.Instant;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Every customer with their status, searchable as you type, with details beside the table. */
public final class UsersView implements Screen {
  private final UsersViewModel model;
  private final PaymentsViewModel payments;
  private final SyncViewModel sync;
  private final java.util.function.Consumer<javafx.stage.Window> bulkInvite;
  private final UiTasks tasks;
  private final Formats formats;
  private final VBox root = new VBox(14);
  private final TextField search = new TextField();
  private UserDetailPane detail;
  private final java.util.function.Consumer<javafx.stage.Window> export;

  public UsersView(
      UsersViewModel model,
      PaymentsViewModel payments,
      SyncViewModel sync,
      UiTasks tasks,
      Formats formats,
      java.util.function.Consumer<javafx.stage.Window> bulkInvite,
      java.util.function.Consumer<javafx.stage.Window> export) {
    this.bulkInvite = bulkInvite;
    this.export = export;
    this.model = model;
    this.sync = sync;
    this.payments = payments;
    this.tasks = tasks;
    this.formats = formats;
    createView();
  }

  private void createView() {
    Button add = new Button("Add user");
    add.setId("users-add");
    add.setOnAction(e -> openUserDialog(null));
    Button bulk = new Button("Bulk invite…");
    bulk.setId("users-bulk");
    bulk.setTooltip(new javafx.scene.control.Tooltip("Invite many users from a CSV file."));
    bulk.setOnAction(
        e -> {
          bulkInvite.accept(root.getScene().getWindow());
          model.load();
        });
    Button invite = new Button("Invite…");
    invite.setId("users-invite");
    invite.getStyleClass().add(Styles.ACCENT);
    invite.setOnAction(e -> openInviteDialog());

    search.setId("users-search");
    // The shortcut sits in the tooltip: in a narrow window the prompt would lose its end.
    search.setPromptText("Search email, name, plan or server");
    search.setTooltip(new javafx.scene.control.Tooltip("Search the users (Ctrl+F)"));
    search.setPrefWidth(340);
    // The search field gives up width first; the count, the filter and the button keep their words.
    search.setMinWidth(160);
    search.textProperty().bindBidirectional(model.search());
    ComboBox<StatusFilter> status = new ComboBox<>();
    status.setId("users-status");
    status.getItems().setAll(StatusFilter.values());
    status.valueProperty().bindBidirectional(model.filter());
    Label count = new Label();
    count.setId("users-count");
    count.getStyleClass().add(Styles.TEXT_MUTED);
    count.setMinWidth(Region.USE_PREF_SIZE);
    status.setMinWidth(Region.USE_PREF_SIZE);
    count
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> countText(model.shown().size(), model.all().size()),
                model.shown(),
                model.all()));
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(model.loading());
    MenuItem extend = new MenuItem("Extend…");
    extend.setId("users-extend");
    MenuItem remind = new MenuItem("Send reminder…");
    remind.setId("users-remind");
    MenuItem requireChange = new MenuItem("Ask to change Plex account");
    requireChange.setId("users-require-change");
    MenuItem removeAccess = new MenuItem("Remove access…");
    removeAccess.setId("users-remove-access");
    MenuItem restoreAccess = new MenuItem("Restore access…");
    restoreAccess.setId("users-restore-access");
    MenuItem delete = new MenuItem("Delete…");
    delete.setId("users-delete");
    MenuButton selected = new MenuButton("Selected users");
    selected.setId("users-selected");
    selected
        .getItems()
        .setAll(
            extend,
            remind,
            requireChange,
            new SeparatorMenuItem(),
            removeAccess,
            restoreAccess,
            new SeparatorMenuItem(),
            delete);
    selected.getStyleClass().add(Styles.SMALL);
    selected.setMinWidth(Region.USE_PREF_SIZE);
    selected.setTooltip(
        new javafx.scene.control.Tooltip(
            "Acts on the selected users (Ctrl-click or Shift-click to select many)."));
    HBox filters =
        new HBox(10, search, status, count, busy, new atlantafx.base.controls.Spacer(), selected);
    filters.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(search, Priority.SOMETIMES);

    TableView<UserItem> table = createTable();
    selected.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
    requireChange.setOnAction(e -> model.requireAccountChange(selectedIds(table)));
    extend.setOnAction(
        e -> {
          List<Long> ids = selectedIds(table);
          UserActionDialog.extend(
                  root.getScene().getWindow(), tasks, days -> dry -> model.extend(ids, days, dry))
              .showAndWait()
              .ifPresent(done -> model.acted("Extended", done));
        });
    remind.setOnAction(
        e -> {
          List<Long> ids = selectedIds(table);
          UserActionDialog.remind(root.getScene().getWindow(), tasks, dry -> model.remind(ids, dry))
              .showAndWait()
              .ifPresent(done -> model.acted("Sent the reminder to", done));
        });
    removeAccess.setOnAction(
        e -> {
          List<Long> ids = selectedIds(table);
          UserActionDialog.removeAccess(
                  root.getScene().getWindow(), tasks, dry -> model.removeAccess(ids, dry))
              .showAndWait()
              .ifPresent(done -> model.acted("Removed the access of", done));
        });
    restoreAccess.setOnAction(
        e -> {
          List<Long> ids = selectedIds(table);
          UserActionDialog.restoreAccess(
                  root.getScene().getWindow(), tasks, dry -> model.restoreAccess(ids, dry))
              .showAndWait()
              .ifPresent(done -> model.acted("Restored the access of", done));
        });
    delete.setOnAction(
        e -> {
          List<Long> ids = selectedIds(table);
          UserActionDialog.delete(root.getScene().getWindow(), tasks, dry -> model.delete(ids, dry))
              .showAndWait()
              .ifPresent(done -> model.acted("Deleted", done));
        });
    // The same actions on a right-click, for the row clicked (or the rows selected).
    table.setContextMenu(
        new ContextMenu(
            copy(extend),
            copy(remind),
            new SeparatorMenuItem(),
            copy(removeAccess),
            copy(restoreAccess),
            new SeparatorMenuItem(),
            copy(delete)));
    detail =
        new UserDetailPane(
            formats,
            new UserDetailPane.Actions() {
              @Override
              public void edit() {
                openUserDialog(model.selectedUser().get());
              }

              @Override
              public void addPayment() {
                openPaymentDialog();
              }

              @Override
              public void editPayment(PaymentRow payment) {
                PaymentsView.edit(root, payments, tasks, formats, payment, model::load);
              }

              @Override
              public void changeAccount() {
                String from = model.selectedUser().get().email();
                ask(
                    "Move " + from + " to another Plex account",
                    "newEmail",
                    "New Plex email",
                    "The email of their new Plex account",
                    to -> model.changeAccount(from, to));
              }

              @Override
              public void changePlan() {
                openPlanChangeDialog();
              }

              @Override
              public void linkSub() {
                String master = model.selectedUser().get().email();
                ask(
                    "Link a sub-account to " + master,
                    "sub",
                    "Sub-account email",
                    "An existing user's email",
                    sub -> model.linkSub(master, sub));
              }

              @Override
              public void unlinkSub() {
                ask(
                    "Unlink a sub-account",
                    "sub",
                    "Sub-account email",
                    String.join(", ", model.subs()),
                    model::unlink);
              }
            },
            model);
    SplitPane split = new SplitPane(table, detail.node());
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.62);
    SplitPane.setResizableWithParent(detail.node(), false);
    VBox.setVgrow(split, Priority.ALWAYS);

    Label notice = Banner.notice(model.notice());
    notice.setId("users-notice");
    Label error = Banner.error(model.error());
    Button exportButton = new Button("Export…");
    exportButton.setId("users-export");
    exportButton.setTooltip(new javafx.scene.control.Tooltip("Save the users as a CSV file."));
    exportButton.setOnAction(e -> export.accept(root.getScene().getWindow()));

    root.getChildren()
        .setAll(
            Header.of(
                "Users",
                "Your customers, their plan and until when they may watch.",
                new SyncBar(sync, "users").node(),
                exportButton,
                add,
                bulk,
                invite),
            filters,
            notice,
            error,
            split);
    root.setPadding(new Insets(24));
    root.sceneProperty()
        .addListener(
            (o, was, scene) -> {
              if (scene != null) {
                scene
                    .getAccelerators()
                    .put(
                        new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        search::requestFocus);
              }
            });
  }

  private TableView<UserItem> createTable() {
    TableView<UserItem> table = new TableView<>(model.shown());
    table.setId("users-table");
    table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
    table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
    Tables.fitOrScroll(table);
    TableColumn<UserItem, UserItem> statusColumn = new TableColumn<>("Status");
    statusColumn.setCellValueFactory(
        c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
    statusColumn.setCellFactory(c -> new StatusCell());
    Tables.fixedAtLeast(statusColumn, 150);
    statusColumn.setSortable(false);
    table
        .getColumns()
        .setAll(
            Tables.text(
                "Email", 240, i -> i.row().email() == null ? "(none yet)" : i.row().email()),
            // Status and expiry first: what an owner looks for, in sight in a narrow window.
            statusColumn,
            Tables.<UserItem, Instant>sortable(
                "Expires", 120, i -> i.row().expires(), formats::relativeDate),
            Tables.text("Name", 170, i -> nullToEmpty(i.row().name())),
            Tables.text("Plan", 220, i -> nullToEmpty(i.row().plan())),
            Tables.text("Class", 100, i -> i.row().permanent() ? "Permanent" : "Standard"),
            Tables.text("Server", 120, i -> String.join(", ", i.row().servers())));
    table.setPlaceholder(
        Placeholder.of(
            "No users to show",
            "Add a user by hand, or clear the search. Once servers are connected, Sync imports"
                + " everyone who already shares them."));
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                model.selected().set(now);
              }
            });
    model
        .selected()
        .addListener(
            (o, was, now) -> {
              if (now != null && !now.equals(table.getSelectionModel().getSelectedItem())) {
                table.getSelectionModel().select(now);
                table.scrollTo(now);
              }
            });
    Tables.onDoubleClick(table, item -> openUserDialog(model.selectedUser().get()));
    return table;
  }

  private void openUserDialog(io.usher.domain.users.User existing) {
    new UserDialog(
            root.getScene().getWindow(),
            tasks,
            existing,
            spec -> model.saveUser(existing == null ? null : existing.id(), spec))
        .showAndWait()
        .ifPresent(user -> model.loadAndSelect(user.id()));
  }

  private void ask(
      String title,
      String field,
      String label,
      String prompt,
      java.util.function.Function<String, java.util.function.Supplier<String>> action) {
    new io.usher.ui.kit.OneFieldDialog(
            root.getScene().getWindow(), tasks, title, field, label, prompt, action)
        .showAndWait()
        .ifPresent(
            done -> {
              model.notice().set(done);
              model.load();
            });
  }

  private void openPlanChangeDialog() {
    io.usher.domain.users.User user = model.selectedUser().get();
    if (user.email() == null) {
      model
          .error()
          .set(user.spec().label() + " has no email yet: add one before changing the plan.");
      return;
    }
    model.withPlanNames(
        plans ->
            new PlanChangeDialog(
                    root.getScene().getWindow(),
                    tasks,
                    user.email(),
                    plans,
                    (plan, dryRun) -> model.changePlan(user.email(), plan, dryRun))
                .showAndWait()
                .ifPresent(
                    result -> {
                      model.notice().set(PlanChangeDialog.describe(result));
                      model.loadAndSelect(user.id());
                    }));
  }

  private void openInviteDialog() {
    model.withInviteChoices(
        choices ->
            new InviteDialog(root.getScene().getWindow(), tasks, formats, choices, model::invite)
                .showAndWait()
                .ifPresent(
                    r -> {
                      model
                          .notice()
                          .set(
                              r.queued()
                                  ? "Invite pending for "
                                      + r.account()
                                      + ": "
                                      + r.reason()
                                      + " The payment is recorded; Usher retries until the server answers."
                                  : "Invited "
                                      + r.account()
                                      + " to "
                                      + r.server().label()
                                      + " until "
                                      + formats.date(r.payment().period().end())
                                      + ".");
                      model.loadAndSelect(r.user().id());
                    }));
  }

  private void openPaymentDialog() {
    UserRow row = model.selected().get() == null ? null : model.selected().get().row();
    payments.withPlanNames(
        plans ->
            new PaymentDialog(
                    root.getScene().getWindow(),
                    tasks,
                    formats,
                    plans,
                    row == null ? null : row.email(),
                    payments::record)
                .showAndWait()
                .ifPresent(p -> model.load()));
  }

  private static String countText(int shown, int total) {
    if (total == 0) {
      return "";
    }
    return shown == total
        ? total + (total == 1 ? " user" : " users")
        : shown + " of " + total + " users";
  }

  private static List<Long> selectedIds(TableView<UserItem> table) {
    return table.getSelectionModel().getSelectedItems().stream().map(i -> i.row().id()).toList();
  }

  private static String nullToEmpty(String s) {
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

  /** The status badge; "Expiring" when an active standard user's access ends within 7 days. */
  /** A context-menu twin of a menu item: same text and action, its own id. */
  private static MenuItem copy(MenuItem item) {
    MenuItem twin = new MenuItem(item.getText());
    twin.setId(item.getId() + "-row");
    twin.setOnAction(item.getOnAction());
    return twin;
  }

  private static final class StatusCell extends TableCell<UserItem, UserItem> {
    StatusCell() {
      setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(UserItem item, boolean empty) {
      super.updateItem(item, empty);
      setText(null);
      setGraphic(
          empty || item == null
              ? null
              : Badge.status(
                  item.row().status(),
                  item.expiringSoon(),
                  !item.row().permanent() && item.row().expires() == null));
    }
  }

  @Override
  public boolean followsLedger() {
    return true;
  }
}

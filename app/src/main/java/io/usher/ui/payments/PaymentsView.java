package io.usher.ui.payments;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.ledger.PaymentRow;
import io.usher.ui.kit.Banner;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Header;
import io.usher.ui.kit.Placeholder;
import io.usher.ui.kit.Screen;
import io.usher.ui.kit.Tables;
import io.usher.ui.kit.UiTasks;
import java.time.LocalDate;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The ledger: every payment, filtered by user and dates, with totals; add a manual payment. */
public final class PaymentsView implements Screen {
  private final PaymentsViewModel model;
  private final UiTasks tasks;
  private final Formats formats;
  private final VBox root = new VBox(14);
  private final ComboBox<PaymentFilter.DateBasis> basis = new ComboBox<>();
  private final DatePicker from;
  private final DatePicker to;

  private final java.util.function.Consumer<javafx.stage.Window> export;

  /**
   * @param export asks where to write the payments as CSV, and writes them
   */
  public PaymentsView(
      PaymentsViewModel model,
      UiTasks tasks,
      Formats formats,
      java.util.function.Consumer<javafx.stage.Window> export) {
    this.export = export;
    this.model = model;
    this.tasks = tasks;
    this.formats = formats;
    this.from = datePicker("payments-from", "From");
    this.to = datePicker("payments-to", "Until");
    createView();
  }

  private void createView() {
    Button add = new Button("Add payment");
    add.setId("payments-add");
    add.getStyleClass().add(Styles.ACCENT);
    add.setOnAction(e -> openAddDialog());

    TextField user = new TextField();
    user.setId("payments-user");
    user.setPromptText("Filter by user email");
    user.setPrefWidth(240);
    user.setMinWidth(140);
    user.textProperty().bindBidirectional(model.user());
    basis.setId("payments-on");
    basis.getItems().setAll(PaymentFilter.DateBasis.values());
    basis.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(PaymentFilter.DateBasis on) {
            return on == PaymentFilter.DateBasis.PERIOD ? "Covering days" : "Paid";
          }

          @Override
          public PaymentFilter.DateBasis fromString(String text) {
            return null;
          }
        });
    basis.valueProperty().bindBidirectional(model.on());
    basis.setTooltip(
        new Tooltip(
            "Paid: payments whose money came in between the dates. Covering days: payments whose"
                + " period includes any of those days."));
    basis.setMinWidth(Region.USE_PREF_SIZE);
    from.valueProperty().addListener((o, was, now) -> model.from().set(formats.startOf(now)));
    to.valueProperty()
        .addListener(
            (o, was, now) -> model.to().set(now == null ? null : formats.startOf(now.plusDays(1))));
    Label between = new Label("between");
    between.setMinWidth(Region.USE_PREF_SIZE);
    Label and = new Label("and");
    and.setMinWidth(Region.USE_PREF_SIZE);
    Button clear = new Button("Clear dates");
    clear.setId("payments-clear-dates");
    clear.getStyleClass().add(Styles.FLAT);
    clear.setMinWidth(Region.USE_PREF_SIZE);
    clear.setOnAction(
        e -> {
          from.setValue(null);
          to.setValue(null);
        });
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(model.loading());
    // The dates go onto a second line in a narrow window rather than widen the screen.
    HBox dates = new HBox(8, basis, between, from, and, to, clear, busy);
    dates.setAlignment(Pos.CENTER_LEFT);
    dates.setMinWidth(Region.USE_PREF_SIZE);
    FlowPane filters = new FlowPane(12, 8, user, dates);
    filters.setAlignment(Pos.CENTER_LEFT);

    TableView<PaymentRow> table = new TableView<>(model.shown());
    Button edit = new Button("Edit");
    edit.setId("payments-edit");
    edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    edit.setOnAction(e -> openEditDialog(table.getSelectionModel().getSelectedItem()));
    Tables.onDoubleClick(table, this::openEditDialog);
    table.setId("payments-table");
    table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
    Tables.fitOrScroll(table);
    table
        .getColumns()
        .setAll(
            Tables.sortable("Paid on", 150, PaymentRow::paidOn, formats::dateTime),
            Tables.sortable("Starts", 110, PaymentRow::start, formats::date),
            Tables.sortable("Ends", 110, PaymentRow::end, formats::date),
            Tables.text("User", 220, p -> p.email() == null ? "" : p.email()),
            Tables.text("Plan", 220, PaymentRow::plan),
            Tables.text("Amount", 110, p -> Formats.money(p.amount())),
            Tables.text("Transaction", 190, p -> p.seq() == 1 ? p.txn() : p.txn() + " #" + p.seq()),
            Tables.text("Source", 80, p -> p.source().code()),
            Tables.text("Subscription", 140, p -> nullToEmpty(p.subscriptionId())));
    table.setPlaceholder(
        Placeholder.of(
            "No payments yet",
            "Payments you record by hand, and later those from Stripe and PayPal, land here."));
    VBox.setVgrow(table, Priority.ALWAYS);

    Label totals = new Label();
    totals.setId("payments-totals");
    totals.textProperty().bind(model.totals());
    totals.getStyleClass().add(Styles.TEXT_MUTED);
    Label error = Banner.error(model.error());
    Label notice = Banner.notice(model.notice());
    notice.setId("payments-notice");
    Button exportButton = new Button("Export…");
    exportButton.setId("payments-export");
    exportButton.setTooltip(new javafx.scene.control.Tooltip("Save the payments as a CSV file."));
    exportButton.setOnAction(e -> export.accept(root.getScene().getWindow()));

    root.getChildren()
        .setAll(
            Header.of(
                "Payments",
                "The ledger: every payment, who it was for and when.",
                exportButton,
                edit,
                add),
            filters,
            notice,
            error,
            table,
            totals);
    root.setPadding(new Insets(24));
  }

  private void openAddDialog() {
    model.withPlanNames(
        plans ->
            new PaymentDialog(
                    root.getScene().getWindow(), tasks, formats, plans, null, model::record)
                .showAndWait()
                .ifPresent(p -> model.load()));
  }

  /** Also opened from the Users screen, for the selected user's payments. */
  public static void edit(
      Node anchor,
      PaymentsViewModel model,
      UiTasks tasks,
      Formats formats,
      PaymentRow payment,
      Runnable afterSave) {
    model.withPlanNames(
        plans ->
            new PaymentEditDialog(
                    anchor.getScene().getWindow(),
                    tasks,
                    formats,
                    plans,
                    payment,
                    change -> model.edit(payment, change))
                .showAndWait()
                .ifPresent(saved -> afterSave.run()));
  }

  private void openEditDialog(PaymentRow payment) {
    edit(root, model, tasks, formats, payment, model::load);
  }

  /**
   * A date field that takes what is typed as well as what is picked ("2026-11-01", "1 Nov 2026"),
   * applied as soon as it reads as a date; text that does not is marked and changes nothing.
   */
  private DatePicker datePicker(String id, String prompt) {
    DatePicker picker = new DatePicker();
    StringConverter<LocalDate> dates = formats.dateConverter();
    picker.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(LocalDate date) {
            return dates.toString(date);
          }

          @Override
          public LocalDate fromString(String text) {
            LocalDate typed = typedDate(dates, text);
            return typed == INVALID ? picker.getValue() : typed;
          }
        });
    picker
        .getEditor()
        .textProperty()
        .addListener(
            (o, was, text) -> {
              LocalDate typed = typedDate(dates, text);
              picker.pseudoClassStateChanged(Styles.STATE_DANGER, typed == INVALID);
              if (typed != INVALID && !java.util.Objects.equals(typed, picker.getValue())) {
                picker.setValue(typed);
              }
            });
    picker.setId(id);
    picker.setPromptText(prompt);
    picker.setPrefWidth(140);
    picker.setMinWidth(120);
    picker.setTooltip(new Tooltip("Type a date like 2026-11-01 or 1 Nov 2026, or pick one."));
    return picker;
  }

  /** Stands for text that is not a date, so a cleared field (null) is told apart from it. */
  private static final LocalDate INVALID = LocalDate.MIN;

  private static LocalDate typedDate(StringConverter<LocalDate> dates, String text) {
    try {
      return dates.fromString(text);
    } catch (java.time.DateTimeException e) {
      return INVALID;
    }
  }

  /**
   * Shows the payments paid between two days, as a figure on the dashboard counts them.
   *
   * @param until the last day, included
   */
  public void showPaid(LocalDate since, LocalDate until) {
    basis.setValue(PaymentFilter.DateBasis.PAID);
    from.setValue(since);
    to.setValue(until);
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

  @Override
  public boolean followsLedger() {
    return true;
  }
}

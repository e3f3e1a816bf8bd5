package io.usher.ui.payments;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.usher.domain.payments.UnmatchedPayment;
import io.usher.ui.kit.Banner;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Header;
import io.usher.ui.kit.OneFieldDialog;
import io.usher.ui.kit.Placeholder;
import io.usher.ui.kit.Screen;
import io.usher.ui.kit.Tables;
import io.usher.ui.kit.UiTasks;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Payments from a provider that matched no user: each waits here until the owner assigns it to a
 * user (it becomes a payment, and the share follows) or dismisses it with a reason.
 */
public final class UnmatchedView implements Screen {
  private final UnmatchedViewModel model;
  private final UiTasks tasks;
  private final Formats formats;
  private final VBox root = new VBox(14);
  private final TableView<UnmatchedPayment> table = new TableView<>();

  public UnmatchedView(UnmatchedViewModel model, UiTasks tasks, Formats formats) {
    this.model = model;
    this.tasks = tasks;
    this.formats = formats;
    createView();
  }

  private void createView() {
    Button assign = new Button("Assign…");
    assign.setId("unmatched-assign");
    assign.getStyleClass().add(Styles.ACCENT);
    assign.setOnAction(e -> openAssign(selected()));
    Button dismiss = new Button("Dismiss…");
    dismiss.setId("unmatched-dismiss");
    dismiss.setOnAction(e -> openDismiss(selected()));
    assign.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    dismiss.disableProperty().bind(assign.disableProperty());

    table.setItems(model.rows());
    table.setId("unmatched-table");
    table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
    Tables.fitOrScroll(table);
    table
        .getColumns()
        .setAll(
            Tables.text("Paid", 110, u -> formats.date(u.paidAt())),
            Tables.text("From", 80, u -> capitalized(u.provider().code())),
            Tables.text("Payer", 210, u -> u.payerEmail() == null ? "—" : u.payerEmail()),
            Tables.text("Amount", 100, u -> u.amount() == null ? "—" : Formats.money(u.amount())),
            Tables.text("Transaction", 150, UnmatchedPayment::txn),
            Tables.text("Why it waits", 260, u -> capitalized(u.why())));
    table.setPlaceholder(
        Placeholder.of(
            "Nothing waits for you",
            "Every payment from Stripe and PayPal found its customer. One that names no customer"
                + " Usher knows waits here, and you get a mail about it."));
    Tables.onDoubleClick(table, this::openAssign);
    VBox.setVgrow(table, Priority.ALWAYS);
    javafx.scene.control.Label notice = Banner.notice(model.notice());
    notice.setId("unmatched-notice");

    root.getChildren()
        .setAll(
            Header.of(
                "Unmatched payments",
                "Paid, but to no user Usher knows: assign each to its customer, or dismiss it.",
                dismiss,
                assign),
            Banner.error(model.error()),
            notice,
            table);
    root.setPadding(new Insets(24));
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private UnmatchedPayment selected() {
    return table.getSelectionModel().getSelectedItem();
  }

  private void openAssign(UnmatchedPayment payment) {
    new AssignDialog(
            root.getScene().getWindow(),
            tasks,
            payment,
            model.plans(),
            (email, plan, remember) -> model.assign(payment, email, plan, remember))
        .showAndWait()
        .ifPresent(model::done);
  }

  private void openDismiss(UnmatchedPayment payment) {
    new OneFieldDialog(
            root.getScene().getWindow(),
            tasks,
            "Dismiss " + payment.txn(),
            "reason",
            "Reason",
            "A refund, another product, a test…",
            reason -> model.dismiss(payment, reason))
        .showAndWait()
        .ifPresent(model::done);
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

package io.usher.ui.payments;

import io.usher.application.payments.PaymentEdit;
import io.usher.domain.common.Problems;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentRow;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * Correct a payment: its plan, amount, period, subscription id or notes. The change is audited; the
 * transaction id and the user stay as they are. A date left as it was keeps its exact time of day.
 */
public final class PaymentEditDialog {
  private final PaymentRow original;
  private final Formats formats;
  private final ComboBox<String> plan = new ComboBox<>();
  private final TextField amount = new TextField();
  private final DatePicker start = new DatePicker();
  private final DatePicker end = new DatePicker();
  private final TextField subscription = new TextField();
  private final TextArea notes = new TextArea();
  private final FormDialog<Payment> dialog;

  public PaymentEditDialog(
      Window owner,
      UiTasks tasks,
      Formats formats,
      List<String> plans,
      PaymentRow payment,
      Function<PaymentEdit, Supplier<Payment>> save) {
    this.original = payment;
    this.formats = formats;
    plan.setId("edit-plan");
    plan.getItems().setAll(plans);
    plan.setValue(payment.plan());
    plan.setMaxWidth(Double.MAX_VALUE);
    amount.setId("edit-amount");
    amount.setText(payment.amount().toDecimalString());
    start.setConverter(formats.dateConverter());
    end.setConverter(formats.dateConverter());
    start.setId("edit-start");
    start.setValue(formats.localDate(payment.start()));
    start.setMaxWidth(Double.MAX_VALUE);
    end.setId("edit-end");
    end.setValue(formats.localDate(payment.end()));
    end.setMaxWidth(Double.MAX_VALUE);
    subscription.setId("edit-subscription");
    subscription.setText(payment.subscriptionId() == null ? "" : payment.subscriptionId());
    subscription.setPromptText("sub_… or I-…");
    notes.setId("edit-notes");
    notes.setText(payment.notes() == null ? "" : payment.notes());
    notes.setPrefRowCount(2);
    notes.setWrapText(true);
    String txn = payment.seq() == 1 ? payment.txn() : payment.txn() + " #" + payment.seq();
    Form form =
        new Form()
            .field("txn", "Transaction", new Label(txn))
            .field("email", "User", new Label(payment.email() == null ? "" : payment.email()))
            .field("plan", "Plan", plan)
            .field("amount", "Amount", amount, payment.amount().currency().getCurrencyCode())
            .field("start", "Starts", start)
            .field("end", "Ends", end, "Access ends at the start of this day.")
            .field(
                "subscriptionId",
                "Subscription",
                subscription,
                "Stripe's or PayPal's subscription id: its renewals then land on this user.")
            .field("notes", "Notes", notes);
    dialog = new FormDialog<>(owner, "Edit payment", "Save", form, tasks, () -> save.apply(edit()));
  }

  public Optional<Payment> showAndWait() {
    return dialog.showAndWait();
  }

  private PaymentEdit edit() {
    Problems problems = new Problems();
    if (start.getValue() == null) {
      problems.add("start", "Choose the day the payment starts.");
    }
    if (end.getValue() == null) {
      problems.add("end", "Choose the day access ends.");
    }
    problems.throwIfAny();
    return new PaymentEdit(
        changed(start.getValue(), original.start()),
        changed(end.getValue(), original.end()),
        amount.getText(),
        plan.getValue(),
        subscription.getText(),
        notes.getText());
  }

  /** Null (keep the stored instant) unless the owner picked another day. */
  private Instant changed(LocalDate picked, Instant stored) {
    return Objects.equals(picked, formats.localDate(stored)) ? null : formats.startOf(picked);
  }
}

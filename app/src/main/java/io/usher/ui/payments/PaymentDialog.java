package io.usher.ui.payments;

import io.usher.application.payments.ManualPayment;
import io.usher.domain.common.Inputs;
import io.usher.domain.common.Problems;
import io.usher.domain.ledger.Payment;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Record a payment by hand; everything but the user and the plan has a sensible default. */
public final class PaymentDialog {
  private final TextField email = field("payment-email", "customer@example.com");
  private final ComboBox<String> plan = new ComboBox<>();
  private final TextField amount = field("payment-amount", "The plan's price");
  private final TextField txn = field("payment-txn", "Generated when left empty");
  private final TextField seq = field("payment-seq", "1");
  private final TextField subscription = field("payment-sub", "sub_… or I-…, for renewals");
  private final DatePicker start = new DatePicker();
  private final DatePicker end = new DatePicker();
  private final TextArea notes = new TextArea();
  private final Formats formats;
  private final FormDialog<Payment> dialog;

  public PaymentDialog(
      Window owner,
      UiTasks tasks,
      Formats formats,
      List<String> plans,
      String presetEmail,
      Function<ManualPayment, Supplier<Payment>> save) {
    this.formats = formats;
    plan.setId("payment-plan");
    plan.getItems().setAll(plans);
    plan.setMaxWidth(Double.MAX_VALUE);
    plan.setPromptText(plans.isEmpty() ? "Create a plan first" : "Choose a plan");
    start.setConverter(formats.dateConverter());
    end.setConverter(formats.dateConverter());
    start.setId("payment-start");
    start.setPromptText("Today, or when access now ends");
    start.setMaxWidth(Double.MAX_VALUE);
    end.setId("payment-end");
    end.setPromptText("Start + one plan duration");
    end.setMaxWidth(Double.MAX_VALUE);
    notes.setId("payment-notes");
    notes.setPrefRowCount(2);
    notes.setWrapText(true);
    if (presetEmail != null) {
      email.setText(presetEmail);
    }
    Form form =
        new Form()
            .field("email", "User email", email)
            .field("plan", "Plan", plan)
            .field("amount", "Amount", amount, "Leave empty to charge the plan's price.")
            .field("txn", "Transaction id", txn)
            .field("seq", "Sequence", seq, "Splits one provider payment across several users.")
            .field("subscriptionId", "Subscription id", subscription)
            .field("start", "Starts", start, "Renewals extend from the current expiry.")
            .field("end", "Ends", end)
            .field("notes", "Notes", notes);
    dialog =
        new FormDialog<>(
            owner, "Add payment", "Record payment", form, tasks, () -> save.apply(request()));
  }

  public Optional<Payment> showAndWait() {
    return dialog.showAndWait();
  }

  private ManualPayment request() {
    Problems problems = new Problems();
    if (plan.getValue() == null) {
      problems.add("plan", "Choose the plan this payment is for.");
    }
    Integer sequence = null;
    String seqText = seq.getText() == null ? "" : seq.getText().strip();
    if (!seqText.isEmpty()) {
      // ASCII digits only: Integer.valueOf also reads other scripts' digits.
      try {
        sequence = Inputs.asciiInteger(seqText) ? Integer.valueOf(seqText) : null;
      } catch (NumberFormatException e) {
        sequence = null;
      }
      if (sequence == null) {
        problems.add("seq", "'" + seqText + "' is not a whole number: the sequence starts at 1.");
      }
    }
    problems.throwIfAny();
    return new ManualPayment(
        email.getText(),
        plan.getValue(),
        orNull(amount.getText()),
        orNull(txn.getText()),
        sequence,
        subscription.getText(),
        formats.startOf(start.getValue()),
        formats.startOf(end.getValue()),
        notes.getText());
  }

  /** An empty field shows its default in the prompt, and the service picks it for null. */
  private static String orNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static TextField field(String id, String prompt) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    return f;
  }
}

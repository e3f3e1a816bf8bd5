package io.usher.ui.payments;

import io.usher.domain.payments.UnmatchedPayment;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.UiTasks;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Records an unmatched payment on a user the owner names, on a plan they pick. */
final class AssignDialog {
  static final String CURRENT_PLAN = "Their current plan";

  /** What the owner chose; plan null means the user's current plan. */
  interface Assign {
    Supplier<String> prepare(String email, String plan, boolean remember);
  }

  private final FormDialog<String> dialog;

  AssignDialog(
      Window owner, UiTasks tasks, UnmatchedPayment payment, List<String> plans, Assign assign) {
    TextField email = new TextField();
    email.setId("assign-email");
    email.setPromptText("customer@example.com");
    ComboBox<String> plan = new ComboBox<>();
    plan.setId("assign-plan");
    plan.getItems().add(CURRENT_PLAN);
    plan.getItems().addAll(plans);
    plan.getSelectionModel().selectFirst();
    plan.setMaxWidth(Double.MAX_VALUE);
    CheckBox remember =
        new CheckBox(
            payment.subscriptionId() != null
                ? "Remember subscription " + payment.subscriptionId() + " for this user"
                : "Remember " + payment.payerEmail() + " as this user's PayPal email");
    remember.setId("assign-remember");
    remember.setMnemonicParsing(false);
    remember.setVisible(payment.subscriptionId() != null || payment.payerEmail() != null);
    remember.setManaged(remember.isVisible());
    Form form =
        new Form()
            .field(
                "email",
                "User",
                email,
                "The email of the customer who made this payment; add them on Users first if"
                    + " they are new.")
            .field("plan", "Plan", plan)
            .field("remember", "", remember, "So their next payment finds them by itself.");
    dialog =
        new FormDialog<>(
            owner,
            "Assign " + payment.txn(),
            "Assign",
            form,
            tasks,
            () ->
                assign.prepare(
                    email.getText(),
                    CURRENT_PLAN.equals(plan.getValue()) ? null : plan.getValue(),
                    remember.isSelected()));
  }

  Optional<String> showAndWait() {
    return dialog.showAndWait();
  }
}

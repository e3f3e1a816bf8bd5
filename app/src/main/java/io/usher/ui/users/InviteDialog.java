package io.usher.ui.users;

import io.usher.application.invites.InviteRequest;
import io.usher.application.invites.InviteResult;
import io.usher.domain.common.Inputs;
import io.usher.domain.common.Problems;
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
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * Invite one person by hand (seed 001): who, on which plan and server (or "choose for me"), and the
 * payment details. The libraries shared are exactly the plan's.
 */
final class InviteDialog {
  static final String CHOOSE = "Choose for me";
  private static final String ANY_LOCATION = "Any location";
  private final TextField email = field("invite-email", "Their Plex account email");
  private final ComboBox<String> plan = new ComboBox<>();
  private final ComboBox<String> server = new ComboBox<>();
  private final ComboBox<String> location = new ComboBox<>();
  private final TextField username =
      field("invite-username", "Jellyfin/Emby only; default: the email before @");
  private final TextField txn = field("invite-txn", "Generated when left empty");
  private final TextField seq = field("invite-seq", "1");
  private final TextField sub = field("invite-sub", "sub_… or I-…, for renewals");
  private final TextField amount = field("invite-amount", "The plan's price");
  private final DatePicker paidAt = new DatePicker();
  private final TextField paypal = field("invite-paypal", "Used to match PayPal payments");
  private final Formats formats;
  private final FormDialog<InviteResult> dialog;

  InviteDialog(
      Window owner,
      UiTasks tasks,
      Formats formats,
      InviteChoices choices,
      Function<InviteRequest, Supplier<InviteResult>> invite) {
    this.formats = formats;
    plan.setId("invite-plan");
    plan.getItems().setAll(choices.plans());
    plan.setPromptText(choices.plans().isEmpty() ? "Create a plan first" : "Choose a plan");
    plan.setMaxWidth(Double.MAX_VALUE);
    server.setId("invite-server");
    server.getItems().add(CHOOSE);
    server.getItems().addAll(choices.servers());
    server.setValue(CHOOSE);
    server.setMaxWidth(Double.MAX_VALUE);
    location.setId("invite-location");
    location.getItems().add(ANY_LOCATION);
    location.getItems().addAll(choices.locations());
    location.setValue(ANY_LOCATION);
    location.setMaxWidth(Double.MAX_VALUE);
    location.disableProperty().bind(server.valueProperty().isNotEqualTo(CHOOSE));
    paidAt.setId("invite-paid-at");
    paidAt.setPromptText("Today");
    paidAt.setConverter(formats.dateConverter());
    paidAt.setMaxWidth(Double.MAX_VALUE);
    Form form =
        new Form()
            .field("email", "Email", email)
            .field("plan", "Plan", plan, "Shares exactly the libraries of the plan's groups.")
            .field("server", "Server", server, "Usher picks an enabled server with room.")
            .field("location", "Location", location)
            .field("username", "User name", username)
            .field("amount", "Amount", amount)
            .field("txn", "Transaction id", txn)
            .field("seq", "Sequence", seq)
            .field("subscriptionId", "Subscription id", sub)
            .field(
                "paidAt",
                "Paid on",
                paidAt,
                "Access runs from this day, or from the current expiry.")
            .field("paypalEmail", "PayPal email", paypal);
    dialog =
        new FormDialog<>(
            owner, "Invite a user", "Invite", form, tasks, () -> invite.apply(request()));
  }

  Optional<InviteResult> showAndWait() {
    return dialog.showAndWait();
  }

  private InviteRequest request() {
    Problems problems = new Problems();
    if (plan.getValue() == null) {
      problems.add("plan", "Choose the plan to invite them on.");
    }
    Integer sequence = null;
    String s = seq.getText() == null ? "" : seq.getText().strip();
    if (!s.isEmpty()) {
      // ASCII digits only: Integer.valueOf also reads other scripts' digits.
      try {
        sequence = Inputs.asciiInteger(s) ? Integer.valueOf(s) : null;
      } catch (NumberFormatException e) {
        sequence = null;
      }
      if (sequence == null) {
        problems.add("seq", "'" + s + "' is not a whole number: the sequence starts at 1.");
      }
    }
    problems.throwIfAny();
    return new InviteRequest(
        email.getText(),
        plan.getValue(),
        CHOOSE.equals(server.getValue()) ? null : server.getValue(),
        ANY_LOCATION.equals(location.getValue()) ? null : location.getValue(),
        orNull(username.getText()),
        orNull(txn.getText()),
        sequence,
        orNull(sub.getText()),
        orNull(amount.getText()),
        formats.startOf(paidAt.getValue()),
        paypal.getText(),
        1,
        null);
  }

  /** An empty field shows its default in the prompt, and the invite picks it for null. */
  private static String orNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static TextField field(String id, String prompt) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    return f;
  }

  /** What the dialog offers to pick from. */
  record InviteChoices(List<String> plans, List<String> servers, List<String> locations) {}
}

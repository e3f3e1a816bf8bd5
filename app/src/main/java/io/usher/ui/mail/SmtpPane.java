package io.usher.ui.mail;

import atlantafx.base.theme.Styles;
import io.usher.ui.kit.Form;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The SMTP settings as a form, saved through Settings, and the test mail with its verdict. */
final class SmtpPane {
  private final MailViewModel model;
  private final Form form = new Form();
  private final VBox root = new VBox(16);

  SmtpPane(MailViewModel model) {
    this.model = model;
    createView();
    initListeners();
  }

  private void createView() {
    ComboBox<String> security = new ComboBox<>();
    security.getItems().setAll(MailViewModel.SECURITY);
    security.valueProperty().bindBidirectional(model.security());
    security.setId("mail-security");
    PasswordField password = new PasswordField();
    password.textProperty().bindBidirectional(model.password());
    password.setId("mail-password");
    password
        .promptTextProperty()
        .bind(
            Bindings.when(model.passwordShown().isEmpty())
                .then("Not set")
                .otherwise(
                    Bindings.concat("Set (", model.passwordShown(), "): leave empty to keep")));
    form.field("smtp.host", "Server", text("mail-host", model.host(), "smtp.example.com"))
        .field("smtp.port", "Port", text("mail-port", model.port(), "587"))
        .field(
            "smtp.security",
            "Security",
            security,
            "starttls for port 587, ssl for 465, none only on a trusted network.")
        .field("smtp.user", "User name", text("mail-user", model.user(), "Often your address"))
        .field("smtp.password", "Password", password, "Stored in this data folder, never logged.")
        .field(
            "smtp.from",
            "From address",
            text("mail-from", model.from(), "you@example.com"),
            "The sender subscribers see; many servers accept only their own account's address.")
        .field(
            "owner.email",
            "Your address",
            text("mail-owner", model.ownerEmail(), "you@example.com"),
            "Where Usher sends your reports and alerts, and test mails by default.");

    Button save = new Button("Save");
    save.setId("mail-save-smtp");
    save.getStyleClass().add(Styles.ACCENT);
    save.setOnAction(e -> model.saveSmtp());
    TextField testTo = text("mail-test-to", model.testTo(), null);
    testTo
        .promptTextProperty()
        .bind(
            Bindings.when(model.ownerEmail().isEmpty())
                .then("Address to send the test to")
                .otherwise(Bindings.concat("Default: ", model.ownerEmail())));
    testTo.setPrefColumnCount(24);
    Button test = new Button("Send test email");
    test.setId("mail-send-test");
    test.setOnAction(e -> model.sendTest());
    HBox actions = new HBox(10, save, testTo, test);
    actions.setAlignment(Pos.CENTER_LEFT);

    Label verdict = new Label();
    verdict.setId("mail-smtp-verdict");
    verdict.setWrapText(true);
    verdict.setMaxWidth(640);
    verdict.textProperty().bind(model.smtpVerdict());
    verdict.visibleProperty().bind(Bindings.isNotEmpty(model.smtpVerdict()));
    verdict.managedProperty().bind(verdict.visibleProperty());
    model
        .smtpOk()
        .addListener(
            (o, was, ok) -> {
              verdict.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
              verdict.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
            });
    verdict.getStyleClass().add(Styles.DANGER);

    Label hint = new Label("Send test email saves the settings above first, then sends at once.");
    hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    Node fields = form.node();
    ((javafx.scene.layout.Region) fields).setMaxWidth(760);
    root.getChildren().setAll(fields, actions, hint, model.waiting().node("mail-waiting"), verdict);
    root.setPadding(new Insets(16, 0, 0, 0));
  }

  private void initListeners() {
    model.smtpErrors().addListener((o, was, errors) -> form.showErrors(errors));
  }

  private static TextField text(
      String id, javafx.beans.property.StringProperty value, String prompt) {
    TextField field = new TextField();
    bind(field, value);
    field.setId(id);
    if (prompt != null) {
      field.setPromptText(prompt);
    }
    return field;
  }

  private static void bind(TextInputControl control, javafx.beans.property.StringProperty value) {
    control.textProperty().bindBidirectional(value);
  }

  Node node() {
    return root;
  }
}

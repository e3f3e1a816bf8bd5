package io.usher.ui.mail;

import atlantafx.base.theme.Styles;
import io.usher.domain.common.FieldError;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.notify.Templates;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The events on the left; the chosen one's subject and body beside a live preview. */
final class TemplatesPane {
  private final MailViewModel model;
  private final ListView<MailEvent> list = new ListView<>();
  private final Label recipient = new Label();
  private final Label subjectError = error("error-subject");
  private final Label bodyError = error("error-body");
  private final HBox root = new HBox(16);

  TemplatesPane(MailViewModel model) {
    this.model = model;
    createView();
    initListeners();
  }

  private void createView() {
    list.setItems(model.events());
    list.setId("mail-events");
    list.setPrefWidth(230);
    list.setMinWidth(200);
    list.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(MailEvent event, boolean empty) {
                super.updateItem(event, empty);
                setText(empty || event == null ? null : event.label());
              }
            });

    TextField subject = new TextField();
    subject.setId("mail-subject");
    subject.textProperty().bindBidirectional(model.subject());
    TextArea body = new TextArea();
    body.setId("mail-body");
    body.setWrapText(true);
    body.textProperty().bindBidirectional(model.body());
    VBox.setVgrow(body, Priority.ALWAYS);
    recipient.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    recipient.setWrapText(true);
    Label hint =
        new Label(
            "Placeholders: "
                + Templates.PLACEHOLDERS.stream()
                    .map(p -> "{" + p + "}")
                    .collect(Collectors.joining(" "))
                + ". A placeholder a mail has no value for renders empty; anything else in"
                + " braces stays as typed. http:// and https:// links become clickable.");
    hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    hint.setWrapText(true);
    hint.setId("mail-placeholders");

    Button save = new Button("Save");
    save.setId("mail-save-template");
    save.getStyleClass().add(Styles.ACCENT);
    save.setOnAction(e -> model.saveTemplate());
    Button reset = new Button("Reset to default");
    reset.setId("mail-reset-template");
    reset.setOnAction(e -> model.resetTemplate());
    Label verdict = new Label();
    verdict.setId("mail-template-verdict");
    verdict.setWrapText(true);
    verdict.textProperty().bind(model.templateVerdict());
    verdict
        .styleProperty()
        .bind(
            Bindings.when(model.templateOk())
                .then("-fx-text-fill: -color-success-fg;")
                .otherwise("-fx-text-fill: -color-danger-fg;"));
    HBox actions = new HBox(10, save, reset, verdict);
    actions.setAlignment(Pos.CENTER_LEFT);

    VBox editor =
        new VBox(
            6,
            recipient,
            heading("Subject"),
            subject,
            subjectError,
            heading("Body"),
            body,
            bodyError,
            hint,
            actions);
    HBox.setHgrow(editor, Priority.ALWAYS);
    editor.setPrefWidth(420);

    Label previewSubject = new Label();
    previewSubject.setId("mail-preview-subject");
    previewSubject.getStyleClass().add(Styles.TEXT_BOLD);
    previewSubject.setWrapText(true);
    previewSubject.textProperty().bind(model.previewSubject());
    TextArea previewText = new TextArea();
    previewText.setId("mail-preview-body");
    previewText.setEditable(false);
    previewText.setWrapText(true);
    previewText.textProperty().bind(model.previewText());
    VBox.setVgrow(previewText, Priority.ALWAYS);
    Label sample = new Label("As a subscriber reads it, with sample values (Alex Example).");
    sample.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    VBox preview = new VBox(6, heading("Preview"), sample, previewSubject, previewText);
    HBox.setHgrow(preview, Priority.ALWAYS);
    preview.setPrefWidth(420);

    root.getChildren().setAll(list, editor, preview);
    root.setPadding(new Insets(16, 0, 0, 0));
  }

  private void initListeners() {
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, chosen) -> {
              if (chosen != null && chosen != model.event().get()) {
                model.select(chosen);
              }
            });
    model
        .event()
        .addListener(
            (o, was, event) -> {
              if (event != null) {
                list.getSelectionModel().select(event);
                recipient.setText("Goes to " + event.recipient() + ".");
              }
            });
    model.templateErrors().addListener((o, was, errors) -> showErrors(errors));
  }

  private void showErrors(List<FieldError> errors) {
    show(subjectError, errors, "subject");
    show(bodyError, errors, "body");
  }

  private static void show(Label label, List<FieldError> errors, String field) {
    String text =
        errors.stream()
            .filter(e -> e.field().equals(field))
            .map(FieldError::message)
            .collect(Collectors.joining(" "));
    label.setText(text);
    label.setVisible(!text.isEmpty());
    label.setManaged(!text.isEmpty());
  }

  private static Label heading(String text) {
    Label label = new Label(text);
    label.getStyleClass().add(Styles.TEXT_BOLD);
    return label;
  }

  private static Label error(String id) {
    Label label = new Label();
    label.setId(id);
    label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
    label.setWrapText(true);
    label.setVisible(false);
    label.setManaged(false);
    return label;
  }

  Node node() {
    return root;
  }
}

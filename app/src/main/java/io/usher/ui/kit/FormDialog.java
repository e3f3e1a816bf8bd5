package io.usher.ui.kit;

import io.usher.domain.common.ValidationException;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * A dialog around a {@link Form} whose OK button saves in the background and closes only when the
 * save succeeded; a refusal keeps the dialog open with each message beside its field, and the
 * ledger unchanged.
 */
public final class FormDialog<T> {
  private final Dialog<T> dialog = new Dialog<>();
  private final Form form;
  private final Button ok;

  public FormDialog(
      Window owner, String title, String okText, Form form, UiTasks tasks, Submit<T> submit) {
    this.form = form;
    dialog.initOwner(owner);
    dialog.setTitle(title);
    dialog.setHeaderText(title);
    ButtonType okType = new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(okType, ButtonType.CANCEL);
    dialog.getDialogPane().setContent(form.node());
    dialog.getDialogPane().getStylesheets().addAll(Theme.stylesheets());
    dialog.setResizable(true);
    dialog.setResultConverter(button -> null);
    ok = (Button) dialog.getDialogPane().lookupButton(okType);
    ok.setId("dialog-ok");
    ok.setDefaultButton(true);
    ok.addEventFilter(
        ActionEvent.ACTION,
        event -> {
          event.consume();
          form.clearErrors();
          Supplier<T> work;
          try {
            work = submit.prepare();
          } catch (RuntimeException failure) {
            refused(failure);
            return;
          }
          ok.setDisable(true);
          tasks.run(
              work,
              saved -> {
                ok.setDisable(false);
                dialog.setResult(saved);
                dialog.close();
              },
              failure -> {
                ok.setDisable(false);
                refused(failure);
              });
        });
  }

  private void refused(Throwable failure) {
    if (failure instanceof ValidationException invalid) {
      form.showErrors(invalid.errors());
    } else {
      form.showGeneral(Errors.sentence(failure));
    }
    dialog.getDialogPane().getScene().getWindow().sizeToScene();
  }

  /** Marks OK as doing something that cannot be undone (a delete). */
  public FormDialog<T> dangerous() {
    ok.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
    return this;
  }

  public Dialog<T> dialog() {
    return dialog;
  }

  public Form form() {
    return form;
  }

  /** Shows the dialog and waits; the saved value when OK succeeded, else empty. */
  public Optional<T> showAndWait() {
    return dialog.showAndWait();
  }
}

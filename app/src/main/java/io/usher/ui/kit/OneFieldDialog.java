package io.usher.ui.kit;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Asks for one value: a new group or location name, an email to link or move to. */
public final class OneFieldDialog {
  private final FormDialog<String> dialog;

  public OneFieldDialog(
      Window owner,
      UiTasks tasks,
      String title,
      String field,
      String label,
      String prompt,
      Function<String, Supplier<String>> save) {
    TextField name = new TextField();
    name.setId("name-value");
    name.setPromptText(prompt);
    Form form = new Form().field(field, label, name);
    dialog = new FormDialog<>(owner, title, "OK", form, tasks, () -> save.apply(name.getText()));
  }

  public Optional<String> showAndWait() {
    return dialog.showAndWait();
  }
}

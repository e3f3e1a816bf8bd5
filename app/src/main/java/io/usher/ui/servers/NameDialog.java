package io.usher.ui.servers;

import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.UiTasks;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Asks for one name: a new library group or server location. */
final class NameDialog {
  private final FormDialog<String> dialog;

  NameDialog(
      Window owner,
      UiTasks tasks,
      String title,
      String field,
      String prompt,
      Function<String, Supplier<String>> save) {
    TextField name = new TextField();
    name.setId("name-value");
    name.setPromptText(prompt);
    Form form = new Form().field(field, "Name", name);
    dialog = new FormDialog<>(owner, title, "Add", form, tasks, () -> save.apply(name.getText()));
  }

  Optional<String> showAndWait() {
    return dialog.showAndWait();
  }
}

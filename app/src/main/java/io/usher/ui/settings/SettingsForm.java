package io.usher.ui.settings;

import atlantafx.base.theme.Styles;
import io.usher.application.settings.SettingView;
import io.usher.domain.common.FieldError;
import io.usher.domain.settings.SettingKey;
import io.usher.domain.settings.SettingType;
import io.usher.ui.kit.Form;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One group of settings as a form: each key with a label, a hint and its own error line, filled
 * from the current values. Secrets show only whether they are set; a blank secret field keeps the
 * stored one.
 */
final class SettingsForm {
  /** A setting on the form; a null hint shows the key's own description. */
  record Field(String key, String label, String hint) {}

  private final Map<String, Control> inputs = new LinkedHashMap<>();
  private final Map<String, String> loaded = new LinkedHashMap<>();
  private final Form form = new Form();
  private final VBox root;

  SettingsForm(String title, List<Field> fields) {
    for (Field field : fields) {
      SettingKey key = SettingKey.find(field.key()).orElseThrow();
      Control input;
      if (key.type() == SettingType.BOOLEAN) {
        CheckBox box = new CheckBox(field.hint() != null ? field.hint() : key.description());
        box.setWrapText(true);
        box.setMinHeight(Region.USE_PREF_SIZE);
        input = box;
      } else {
        TextField text = key.secret() ? new PasswordField() : new TextField();
        text.setPromptText(key.defaultValue());
        input = text;
      }
      input.setId(id(field.key()));
      inputs.put(field.key(), input);
      String hint =
          key.type() == SettingType.BOOLEAN
              ? null
              : (field.hint() != null ? field.hint() : key.description() + ".");
      form.field(field.key(), field.label(), input, hint);
    }
    root = new VBox(8);
    if (title != null) {
      Label heading = new Label(title);
      heading.getStyleClass().add(Styles.TITLE_4);
      root.getChildren().add(heading);
    }
    root.getChildren().add(form.node());
  }

  /** The id of a setting's input: its key with dashes for dots, which CSS ids cannot hold. */
  static String id(String key) {
    return "setting-" + key.replace('.', '-');
  }

  Node node() {
    return root;
  }

  /** Shows the current values; secret fields empty, their prompt saying whether one is set. */
  void load(Map<String, SettingView> current) {
    inputs.forEach(
        (key, input) -> {
          SettingView view = current.get(key);
          if (view == null) {
            return;
          }
          loaded.put(key, view.value());
          switch (input) {
            case CheckBox box -> box.setSelected(Boolean.parseBoolean(view.value()));
            case PasswordField secret -> {
              secret.clear();
              secret.setPromptText(
                  view.value().isEmpty()
                      ? "Not set"
                      : "Set (" + view.value() + "): type to replace");
            }
            case TextField text -> text.setText(view.value());
            default -> throw new IllegalStateException("No input kind for " + key);
          }
        });
  }

  /** The values the owner changed since {@link #load}; a secret only when something was typed. */
  Map<String, String> changed() {
    Map<String, String> changed = new LinkedHashMap<>();
    inputs.forEach(
        (key, input) -> {
          String value =
              switch (input) {
                case CheckBox box -> Boolean.toString(box.isSelected());
                case PasswordField secret -> secret.getText().isEmpty() ? null : secret.getText();
                case TextField text -> text.getText();
                default -> null;
              };
          if (value != null && !value.equals(loaded.get(key))) {
            changed.put(key, value);
          }
        });
    return changed;
  }

  void clearErrors() {
    form.clearErrors();
  }

  /** Shows the refusals about this form's keys beside them; the others belong to other forms. */
  void showErrors(List<FieldError> errors) {
    form.showErrors(errors.stream().filter(e -> inputs.containsKey(e.field())).toList());
  }
}

package io.usher.ui.kit;

import atlantafx.base.theme.Styles;
import io.usher.domain.common.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A two-column form: label, then the control with its own error line beneath it, so a validation
 * message appears beside the field it is about. Problems for fields the form does not show go to
 * the general line at the top.
 */
public final class Form {
  private final GridPane grid = new GridPane();
  private final Label general = new Label();
  private final Map<String, Label> errors = new LinkedHashMap<>();
  private final Map<String, List<Node>> rows = new LinkedHashMap<>();
  private final VBox root = new VBox(10, general, grid);
  private int row;

  public Form() {
    grid.setHgap(14);
    grid.setVgap(6);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(150);
    labels.setHalignment(HPos.RIGHT);
    ColumnConstraints controls = new ColumnConstraints();
    controls.setHgrow(Priority.ALWAYS);
    controls.setMinWidth(280);
    grid.getColumnConstraints().addAll(labels, controls);
    general.getStyleClass().addAll(Styles.DANGER, "form-general-error");
    general.setWrapText(true);
    general.setMaxWidth(460);
    general.setMinHeight(Region.USE_PREF_SIZE);
    hide(general);
    root.setPadding(new Insets(4, 0, 0, 0));
  }

  /** Adds a row; {@code field} is the name the domain uses in its FieldErrors. */
  public Form field(String field, String label, Node control) {
    return field(field, label, control, null);
  }

  public Form field(String field, String label, Node control, String hint) {
    Label name = new Label(label);
    name.setLabelFor(control);
    GridPane.setValignment(name, VPos.TOP);
    // Line the label up with the text inside the control, not with its border.
    boolean boxed =
        !(control instanceof Labeled) && !(control instanceof Pane p && !(p instanceof HBox));
    name.setPadding(new Insets(boxed ? 6 : 1, 0, 0, 0));
    Label error = new Label();
    error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
    error.setId("error-" + field);
    error.setWrapText(true);
    error.setMaxWidth(420);
    error.setMinHeight(Region.USE_PREF_SIZE);
    hide(error);
    // Every line of a message, a hint or a check box's sentence shows: the dialog grows instead.
    if (control instanceof CheckBox box) {
      box.setWrapText(true);
      box.setMaxWidth(420);
      box.setMinHeight(Region.USE_PREF_SIZE);
    }
    VBox cell = new VBox(3, control);
    if (hint != null) {
      Label help = new Label(hint);
      help.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
      help.setWrapText(true);
      help.setMaxWidth(420);
      help.setMinHeight(Region.USE_PREF_SIZE);
      cell.getChildren().add(help);
    }
    cell.getChildren().add(error);
    grid.addRow(row++, name, cell);
    errors.put(field, error);
    rows.put(field, List.of(name, cell));
    return this;
  }

  /** Shows or hides a whole row (label, control, hint and error), e.g. advanced fields. */
  public Form showRow(String field, boolean visible) {
    for (Node node : rows.get(field)) {
      node.setVisible(visible);
      node.setManaged(visible);
    }
    return this;
  }

  /** Shows problems with {@code field} on the row of {@code row} (price and its currency). */
  public Form alsoShows(String row, String field) {
    errors.put(field, errors.get(row));
    return this;
  }

  public Node node() {
    return root;
  }

  public void clearErrors() {
    errors.values().forEach(Form::hide);
    hide(general);
  }

  public void showErrors(List<FieldError> problems) {
    clearErrors();
    StringBuilder other = new StringBuilder();
    for (FieldError problem : problems) {
      Label label = errors.get(problem.field());
      if (label == null) {
        other.append(other.isEmpty() ? "" : " ").append(problem.message());
      } else if (!label.isVisible()) {
        show(label, problem.message());
      } else if (!label.getText().contains(problem.message())) {
        show(label, label.getText() + " " + problem.message());
      }
    }
    if (!other.isEmpty()) {
      showGeneral(other.toString());
    }
  }

  public void showGeneral(String message) {
    show(general, message);
  }

  private static void show(Label label, String text) {
    label.setText(text);
    label.setVisible(true);
    label.setManaged(true);
  }

  private static void hide(Label label) {
    label.setText("");
    label.setVisible(false);
    label.setManaged(false);
  }
}

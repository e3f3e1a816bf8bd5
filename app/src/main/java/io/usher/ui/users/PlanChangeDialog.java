package io.usher.ui.users;

import atlantafx.base.theme.Styles;
import io.usher.application.payments.PlanChangeService;
import io.usher.domain.common.ValidationException;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.UiTasks;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * Moves the selected user to another plan. Choosing a plan runs the change as a dry run and shows
 * its arithmetic, so the owner sees the credit before OK applies it.
 */
final class PlanChangeDialog {
  private final FormDialog<PlanChangeService.Result> dialog;

  /**
   * @param change the plan change for a plan name, as a dry run when the flag is set
   */
  PlanChangeDialog(
      Window owner,
      UiTasks tasks,
      String email,
      List<String> plans,
      BiFunction<String, Boolean, Supplier<PlanChangeService.Result>> change) {
    ComboBox<String> plan = new ComboBox<>();
    plan.setId("change-plan");
    plan.getItems().setAll(plans);
    plan.setPromptText("Choose a plan");
    Label preview = new Label("Choose a plan to see the credit.");
    preview.setId("change-plan-preview");
    preview.setWrapText(true);
    preview.setMaxWidth(420);
    // A wrapped label only grows if it may not shrink below its text, and the window must follow.
    preview.setPrefWidth(420);
    preview.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    preview
        .textProperty()
        .addListener(
            (o, was, now) -> {
              if (preview.getScene() != null && preview.getScene().getWindow() != null) {
                preview.getScene().getWindow().sizeToScene();
              }
            });
    preview.getStyleClass().add(Styles.TEXT_MUTED);
    plan.valueProperty()
        .addListener(
            (o, was, name) -> {
              if (name == null) {
                return;
              }
              preview.setText("Working out the credit…");
              tasks.run(
                  change.apply(name, true),
                  result -> {
                    if (name.equals(plan.getValue())) {
                      preview.setText(describe(result));
                    }
                  },
                  failure -> {
                    if (name.equals(plan.getValue())) {
                      preview.setText(Errors.sentence(failure));
                    }
                  });
            });
    Form form =
        new Form()
            .field(
                "plan",
                "New plan",
                plan,
                "The current payment ends now; what is left buys time on the new plan.")
            .field("preview", "Credit", preview);
    dialog =
        new FormDialog<>(
            owner,
            "Change the plan of " + email,
            "Change plan",
            form,
            tasks,
            () -> {
              if (plan.getValue() == null) {
                throw ValidationException.of("plan", "Choose the plan to move the user to.");
              }
              return change.apply(plan.getValue(), false);
            });
  }

  static String describe(PlanChangeService.Result result) {
    return result.sentence()
        + (result.notices().isEmpty() ? "" : " " + String.join(" ", result.notices()));
  }

  Optional<PlanChangeService.Result> showAndWait() {
    return dialog.showAndWait();
  }
}

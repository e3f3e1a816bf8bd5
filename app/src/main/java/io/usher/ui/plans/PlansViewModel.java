package io.usher.ui.plans;

import io.usher.application.plans.PlanService;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanForm;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.UiTasks;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State of the Plans screen: the catalogue, and saving a plan typed into the dialog. */
public final class PlansViewModel {
  private final PlanService planService;
  private final UiTasks tasks;
  private final ObservableList<Plan> plans = FXCollections.observableArrayList();
  private final StringProperty error = new SimpleStringProperty("");

  public PlansViewModel(PlanService planService, UiTasks tasks) {
    this.planService = planService;
    this.tasks = tasks;
  }

  public void load() {
    tasks.run(
        () -> planService.list(),
        loaded -> {
          error.set("");
          plans.setAll(loaded);
        },
        failure -> error.set(Errors.sentence(failure)));
  }

  /** Loads the library groups a plan may grant, then hands them to {@code open}. */
  public void withGroups(Consumer<List<String>> open) {
    tasks.run(
        () -> planService.libraryGroups(), open, failure -> error.set(Errors.sentence(failure)));
  }

  /**
   * Parses the form on the calling (JavaFX) thread, so every field problem is reported at once, and
   * returns the save to run in the background: create when {@code planId} is null.
   */
  public Supplier<Plan> save(Long planId, PlanForm form) {
    var spec = form.toSpec();
    return () -> planId == null ? planService.create(spec) : planService.update(planId, spec);
  }

  public void setHidden(Plan plan, boolean hidden) {
    tasks.run(
        () -> planService.setHidden(plan.id(), hidden),
        saved -> load(),
        failure -> error.set(Errors.sentence(failure)));
  }

  public ObservableList<Plan> plans() {
    return plans;
  }

  public StringProperty error() {
    return error;
  }
}

package io.usher.ui.payments;

import io.usher.application.payments.UnmatchedPaymentService;
import io.usher.application.plans.PlanService;
import io.usher.domain.payments.UnmatchedPayment;
import io.usher.domain.plans.Plan;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.UiTasks;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State of the Unmatched payments screen: what waits, and the owner's assign and dismiss. */
public final class UnmatchedViewModel {
  private final UnmatchedPaymentService unmatched;
  private final PlanService planService;
  private final UiTasks tasks;
  private final ObservableList<UnmatchedPayment> rows = FXCollections.observableArrayList();
  private final ObservableList<String> plans = FXCollections.observableArrayList();
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty notice = new SimpleStringProperty("");

  public UnmatchedViewModel(
      UnmatchedPaymentService unmatched, PlanService planService, UiTasks tasks) {
    this.unmatched = unmatched;
    this.planService = planService;
    this.tasks = tasks;
  }

  private record Loaded(List<UnmatchedPayment> waiting, List<String> plans) {}

  public void load() {
    tasks.run(
        () -> new Loaded(unmatched.waiting(), planService.list().stream().map(Plan::name).toList()),
        loaded -> {
          error.set("");
          rows.setAll(loaded.waiting());
          plans.setAll(loaded.plans());
        },
        failure -> error.set(Errors.sentence(failure)));
  }

  /**
   * The assignment to run in the background.
   *
   * @param plan null: the user's current plan
   */
  public Supplier<String> assign(
      UnmatchedPayment payment, String email, String plan, boolean remember) {
    return () -> unmatched.assign(payment.id(), email, plan, remember);
  }

  public Supplier<String> dismiss(UnmatchedPayment payment, String reason) {
    return () -> unmatched.dismiss(payment.id(), reason);
  }

  /** After a dialog saved: its sentence above the table, and the list read again. */
  public void done(String sentence) {
    notice.set(sentence);
    load();
  }

  public ObservableList<UnmatchedPayment> rows() {
    return rows;
  }

  public ObservableList<String> plans() {
    return plans;
  }

  public StringProperty error() {
    return error;
  }

  public StringProperty notice() {
    return notice;
  }
}

package io.usher.ui.discounts;

import io.usher.application.discounts.DiscountService;
import io.usher.application.plans.PlanService;
import io.usher.domain.discounts.Discount;
import io.usher.domain.discounts.DiscountForm;
import io.usher.domain.plans.Plan;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.UiTasks;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State of the Discounts screen: the codes with where each stands, and saving one. */
public final class DiscountsViewModel {
  /** A code as the table shows it. */
  public record Row(Discount discount, Discount.Status status) {}

  private final DiscountService discounts;
  private final PlanService plans;
  private final UiTasks tasks;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty currency = new SimpleStringProperty("USD");

  public DiscountsViewModel(DiscountService discounts, PlanService plans, UiTasks tasks) {
    this.discounts = discounts;
    this.plans = plans;
    this.tasks = tasks;
  }

  private record Loaded(List<Row> rows, String currency) {}

  public void load() {
    tasks.run(
        () -> {
          List<Row> all =
              discounts.list().stream().map(d -> new Row(d, discounts.status(d))).toList();
          List<Plan> offered = plans.list();
          return new Loaded(
              all,
              offered.isEmpty() ? "USD" : offered.getFirst().price().currency().getCurrencyCode());
        },
        loaded -> {
          error.set("");
          rows.setAll(loaded.rows());
          currency.set(loaded.currency());
        },
        failure -> error.set(Errors.sentence(failure)));
  }

  /**
   * Parses the form on the calling (JavaFX) thread, so every field problem is reported at once, and
   * returns the save to run in the background: create when {@code id} is null.
   */
  public Supplier<Discount> save(Long id, DiscountForm form) {
    var spec = form.toSpec();
    return () -> id == null ? discounts.create(spec) : discounts.update(id, spec);
  }

  public void setEnabled(Discount d, boolean on) {
    tasks.run(
        () -> discounts.setEnabled(d.code(), on),
        saved -> load(),
        failure -> error.set(Errors.sentence(failure)));
  }

  public void remove(Discount d) {
    tasks.run(
        () -> {
          discounts.remove(d.code());
          return d;
        },
        removed -> load(),
        failure -> error.set(Errors.sentence(failure)));
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public StringProperty error() {
    return error;
  }

  /** The catalogue's currency, offered for a new amount-off code. */
  public String currency() {
    return currency.get();
  }
}

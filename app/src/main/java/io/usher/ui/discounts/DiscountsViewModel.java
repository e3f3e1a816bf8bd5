package io.usher.ui.discounts;

import io.usher.application.Usher;
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

  private final Usher usher;
  private final UiTasks tasks;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty currency = new SimpleStringProperty("USD");

  public DiscountsViewModel(Usher usher, UiTasks tasks) {
    this.usher = usher;
    this.tasks = tasks;
  }

  private record Loaded(List<Row> rows, String currency) {}

  public void load() {
    tasks.run(
        () -> {
          var discounts = usher.discounts();
          List<Row> all =
              discounts.list().stream().map(d -> new Row(d, discounts.status(d))).toList();
          List<Plan> plans = usher.plans().list();
          return new Loaded(
              all, plans.isEmpty() ? "USD" : plans.getFirst().price().currency().getCurrencyCode());
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
    return () -> id == null ? usher.discounts().create(spec) : usher.discounts().update(id, spec);
  }

  public void setEnabled(Discount d, boolean on) {
    tasks.run(
        () -> usher.discounts().setEnabled(d.code(), on),
        saved -> load(),
        failure -> error.set(Errors.sentence(failure)));
  }

  public void remove(Discount d) {
    tasks.run(
        () -> {
          usher.discounts().remove(d.code());
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

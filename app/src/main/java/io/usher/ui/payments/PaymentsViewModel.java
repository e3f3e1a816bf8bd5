package io.usher.ui.payments;

import io.usher.application.payments.ManualPayment;
import io.usher.application.payments.PaymentEdit;
import io.usher.application.payments.PaymentService;
import io.usher.application.plans.PlanService;
import io.usher.application.queries.LedgerQueryService;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.ledger.PaymentRow;
import io.usher.domain.ledger.TxnRef;
import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.UiTasks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State of the Payments screen: the ledger rows whose period overlaps the chosen dates (asked of
 * the database), narrowed in memory to the user typed in the filter, with per-currency totals.
 */
public final class PaymentsViewModel {
  private final PaymentService payments;
  private final PlanService plans;
  private final LedgerQueryService queries;
  private final UiTasks tasks;
  private final ObservableList<PaymentRow> rows = FXCollections.observableArrayList();
  private final FilteredList<PaymentRow> shown = new FilteredList<>(rows);
  private final StringProperty user = new SimpleStringProperty("");
  private final ObjectProperty<Instant> from = new SimpleObjectProperty<>();
  private final ObjectProperty<Instant> to = new SimpleObjectProperty<>();
  private final ObjectProperty<PaymentFilter.DateBasis> on =
      new SimpleObjectProperty<>(PaymentFilter.DateBasis.PAID);
  private final StringProperty totals = new SimpleStringProperty("");
  private final BooleanProperty loading = new SimpleBooleanProperty();
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty notice = new SimpleStringProperty("");

  public PaymentsViewModel(
      PaymentService payments, PlanService plans, LedgerQueryService queries, UiTasks tasks) {
    this.payments = payments;
    this.plans = plans;
    this.queries = queries;
    this.tasks = tasks;
    user.addListener((obs, was, now) -> applyFilter());
    from.addListener((obs, was, now) -> load());
    to.addListener((obs, was, now) -> load());
    on.addListener((obs, was, now) -> load());
  }

  public void load() {
    loading.set(true);
    PaymentFilter filter = new PaymentFilter(null, from.get(), to.get(), on.get());
    tasks.run(
        () -> queries.payments(filter),
        loaded -> {
          loading.set(false);
          error.set("");
          rows.setAll(loaded);
          applyFilter();
        },
        failure -> {
          loading.set(false);
          error.set(Errors.sentence(failure));
        });
  }

  void applyFilter() {
    String needle = user.get() == null ? "" : user.get().strip().toLowerCase(Locale.ROOT);
    shown.setPredicate(p -> needle.isEmpty() || (p.email() != null && p.email().contains(needle)));
    totals.set(describeTotals(shown));
  }

  /** Loads the plan names, then hands them to {@code open} on the JavaFX thread. */
  public void withPlanNames(Consumer<List<String>> open) {
    tasks.run(
        () -> plans.list().stream().map(Plan::name).toList(),
        open,
        failure -> error.set(Errors.sentence(failure)));
  }

  public Supplier<Payment> record(ManualPayment request) {
    return () -> payments.record(request);
  }

  public Supplier<Payment> edit(PaymentRow row, PaymentEdit edit) {
    TxnRef ref = new TxnRef(row.txn(), row.seq());
    return () -> payments.edit(ref, edit);
  }

  static String describeTotals(List<PaymentRow> payments) {
    Map<Currency, Money> sums = new LinkedHashMap<>();
    for (PaymentRow p : payments) {
      sums.merge(p.amount().currency(), p.amount(), Money::plus);
    }
    List<String> parts = new ArrayList<>();
    sums.values().forEach(m -> parts.add(m.display()));
    String count = payments.size() + (payments.size() == 1 ? " payment" : " payments");
    return parts.isEmpty() ? count : count + " · " + String.join(" · ", parts);
  }

  public ObservableList<PaymentRow> shown() {
    return shown;
  }

  public StringProperty user() {
    return user;
  }

  public ObjectProperty<Instant> from() {
    return from;
  }

  public ObjectProperty<Instant> to() {
    return to;
  }

  /** Whether the dates select payments paid then, or payments whose period covers them. */
  public ObjectProperty<PaymentFilter.DateBasis> on() {
    return on;
  }

  public StringProperty totals() {
    return totals;
  }

  public BooleanProperty loading() {
    return loading;
  }

  public StringProperty error() {
    return error;
  }

  /** A sentence about work done from the screen (an export). */
  public StringProperty notice() {
    return notice;
  }
}

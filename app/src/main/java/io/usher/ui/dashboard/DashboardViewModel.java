package io.usher.ui.dashboard;

import io.usher.application.payments.UnmatchedPaymentService;
import io.usher.application.reports.DashboardService;
import io.usher.domain.ledger.StatusCounts;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.UiTasks;
import java.time.ZoneId;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The dashboard's numbers, and whether the owner still has first steps to take. */
public final class DashboardViewModel {
  private final DashboardService dashboard;
  private final UnmatchedPaymentService unmatchedPayments;
  private final UiTasks tasks;
  private final ObjectProperty<StatusCounts> counts =
      new SimpleObjectProperty<>(new StatusCounts(0, 0, 0, 0));
  private final BooleanProperty hasPlans = new SimpleBooleanProperty(true);
  private final StringProperty error = new SimpleStringProperty("");
  private final javafx.beans.property.IntegerProperty unmatched =
      new javafx.beans.property.SimpleIntegerProperty(0);
  private final ObjectProperty<DashboardService.Overview> overview = new SimpleObjectProperty<>();
  private final ZoneId zone;

  public DashboardViewModel(
      DashboardService dashboard,
      UnmatchedPaymentService unmatchedPayments,
      UiTasks tasks,
      ZoneId zone) {
    this.dashboard = dashboard;
    this.unmatchedPayments = unmatchedPayments;
    this.tasks = tasks;
    this.zone = zone;
  }

  public void load() {
    tasks.run(
        () -> new Snapshot(dashboard.overview(zone), unmatchedPayments.waitingCount()),
        s -> {
          error.set("");
          counts.set(s.overview().counts());
          hasPlans.set(
              s.overview().checklist().stream()
                  .filter(c -> c.place() == DashboardService.Place.PLANS)
                  .allMatch(DashboardService.Check::done));
          unmatched.set(s.unmatched());
          overview.set(s.overview());
        },
        failure -> error.set(Errors.sentence(failure)));
  }

  /** Everything else the dashboard shows; null until the first load. */
  public ObjectProperty<DashboardService.Overview> overview() {
    return overview;
  }

  public ObjectProperty<StatusCounts> counts() {
    return counts;
  }

  public BooleanProperty hasPlans() {
    return hasPlans;
  }

  public StringProperty error() {
    return error;
  }

  /** Payments that matched no user and wait for the owner. */
  public javafx.beans.property.IntegerProperty unmatched() {
    return unmatched;
  }

  private record Snapshot(DashboardService.Overview overview, int unmatched) {}
}

package io.usher.ui.dashboard;

import atlantafx.base.theme.Styles;
import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.money.Money;
import io.usher.domain.reports.Revenue;
import io.usher.ui.kit.Formats;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The dashboard's money: this month, last month and monthly recurring revenue as figures, twelve
 * months of revenue stacked by where it came from, and revenue by plan. Every part opens the
 * Payments screen on the payments behind it: those paid in that month, or in the twelve.
 */
final class MoneyPanel {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.US);
  private static final List<PaymentSource> SOURCES =
      List.of(
          PaymentSource.STRIPE, PaymentSource.PAYPAL, PaymentSource.MANUAL, PaymentSource.IMPORT);

  private final Label thisMonth = figure("dash-revenue-month");
  private final Label lastMonth = figure("dash-revenue-last");
  private final Label recurring = figure("dash-mrr");
  private final Label others = new Label();
  private final CategoryAxis months = new CategoryAxis();
  private final NumberAxis amounts = new NumberAxis();
  private final StackedBarChart<String, Number> chart = new StackedBarChart<>(months, amounts);
  private final VBox plans = new VBox(8);
  private final VBox root;
  private final BiConsumer<LocalDate, LocalDate> openPaid;
  private List<Revenue.Month> shown = List.of();

  /**
   * @param openPaid opens the Payments screen on what was paid from the first day to the last
   */
  MoneyPanel(BiConsumer<LocalDate, LocalDate> openPaid) {
    this.openPaid = openPaid;
    HBox figures =
        new HBox(
            16,
            card(thisMonth, "Revenue this month", "money received so far", () -> openMonths(1, 1)),
            card(lastMonth, "Revenue last month", "the whole month", () -> openMonths(2, 2)),
            card(
                recurring,
                "Monthly recurring",
                "running subscriptions, per month",
                () -> openMonths(1, 1)));
    others.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    others.setWrapText(true);
    others.managedProperty().bind(others.visibleProperty());
    chart.setId("dash-revenue-chart");
    chart.setTitle("Revenue by month");
    chart.setAnimated(false);
    chart.setLegendVisible(true);
    chart.setCategoryGap(12);
    chart.setMinHeight(260);
    chart.setPrefHeight(300);
    amounts.setForceZeroInRange(true);
    amounts.setMinorTickVisible(false);
    chart.setCursor(Cursor.HAND);
    chart.setOnMouseClicked(e -> openMonths(12, 1));
    Label plansTitle = new Label("Revenue by plan");
    plansTitle.getStyleClass().add(Styles.TITLE_4);
    plansTitle.setWrapText(true);
    Label plansCaption = new Label("the last twelve months");
    plansCaption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    VBox byPlan = new VBox(10, new VBox(2, plansTitle, plansCaption), plans);
    byPlan.getStyleClass().add("panel");
    byPlan.setId("dash-revenue-plans");
    byPlan.setMinWidth(220);
    byPlan.setPrefWidth(300);
    VBox chartPanel = new VBox(chart);
    chartPanel.getStyleClass().add("panel");
    HBox.setHgrow(chartPanel, Priority.ALWAYS);
    HBox charts = new HBox(16, chartPanel, byPlan);
    root = new VBox(12, figures, others, charts);
  }

  /**
   * Opens the payments paid from the start of the {@code first}-from-last month shown to the end of
   * the {@code last}-from-last (1 = this month).
   */
  private void openMonths(int first, int last) {
    if (shown.size() < first) {
      openPaid.accept(null, null);
      return;
    }
    YearMonth since = shown.get(shown.size() - first).month();
    YearMonth until = shown.get(shown.size() - last).month();
    openPaid.accept(since.atDay(1), until.atEndOfMonth());
  }

  void show(Revenue revenue) {
    shown = revenue.months();
    thisMonth.setText(Formats.money(revenue.thisMonth()));
    lastMonth.setText(Formats.money(revenue.lastMonth()));
    recurring.setText(Formats.money(revenue.recurring()));
    others.setVisible(!revenue.otherCurrencies().isEmpty());
    others.setText(
        "Also received in the twelve months, not counted above: "
            + String.join(", ", revenue.otherCurrencies().stream().map(Formats::money).toList())
            + ".");
    amounts.setLabel(revenue.currency().getCurrencyCode());
    chart.getData().clear();
    for (PaymentSource source : SOURCES) {
      XYChart.Series<String, Number> series = new XYChart.Series<>();
      series.setName(label(source));
      boolean any = false;
      for (Revenue.Month m : revenue.months()) {
        Money value = m.bySource().get(source);
        any |= value != null;
        series
            .getData()
            .add(new XYChart.Data<>(MONTH.format(m.month()), value == null ? 0 : major(value)));
      }
      if (any) {
        chart.getData().add(series);
      }
    }
    if (chart.getData().isEmpty()) {
      XYChart.Series<String, Number> empty = new XYChart.Series<>();
      empty.setName("No revenue yet");
      revenue
          .months()
          .forEach(m -> empty.getData().add(new XYChart.Data<>(MONTH.format(m.month()), 0)));
      chart.getData().add(empty);
    }
    plans.getChildren().clear();
    if (revenue.byPlan().isEmpty()) {
      Label none = new Label("No plan has been paid for yet.");
      none.getStyleClass().add(Styles.TEXT_MUTED);
      plans.getChildren().add(none);
      return;
    }
    long top = revenue.byPlan().values().iterator().next().minor();
    for (Map.Entry<String, Money> e : revenue.byPlan().entrySet()) {
      Label name = new Label(e.getKey());
      // A long plan name wraps; the amount beside it is never shortened.
      name.setWrapText(true);
      name.setMinHeight(Region.USE_PREF_SIZE);
      Label amount = new Label(Formats.money(e.getValue()));
      amount.getStyleClass().add(Styles.TEXT_MUTED);
      amount.setMinWidth(Region.USE_PREF_SIZE);
      GridPane line = new GridPane();
      line.setHgap(8);
      line.add(name, 0, 0);
      line.add(amount, 1, 0);
      GridPane.setHgrow(name, Priority.ALWAYS);
      ProgressBar share = new ProgressBar(top == 0 ? 0 : (double) e.getValue().minor() / top);
      share.setMaxWidth(Double.MAX_VALUE);
      share.getStyleClass().add(Styles.SMALL);
      plans.getChildren().add(new VBox(4, line, share));
    }
  }

  Node node() {
    return root;
  }

  private static double major(Money money) {
    return money.minor() / Math.pow(10, Math.max(0, money.currency().getDefaultFractionDigits()));
  }

  private static String label(PaymentSource source) {
    return switch (source) {
      case STRIPE -> "Stripe";
      case PAYPAL -> "PayPal";
      case MANUAL -> "By hand";
      case IMPORT -> "Imported";
      default -> source.code();
    };
  }

  private static Label figure(String id) {
    Label l = new Label("–");
    l.setId(id);
    l.getStyleClass().addAll(Styles.TITLE_2, "stat-number");
    return l;
  }

  private static Node card(Label figure, String title, String caption, Runnable open) {
    Label name = new Label(title);
    name.getStyleClass().add(Styles.TEXT_BOLD);
    name.setWrapText(true);
    Label sub = new Label(caption);
    sub.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    VBox card = new VBox(4, figure, name, sub);
    card.getStyleClass().addAll("panel", "stat-card");
    card.setAlignment(Pos.TOP_LEFT);
    card.setCursor(Cursor.HAND);
    card.setOnMouseClicked(e -> open.run());
    card.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(card, Priority.ALWAYS);
    return card;
  }
}

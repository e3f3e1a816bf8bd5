package io.usher.ui.dashboard;

import atlantafx.base.theme.Styles;
import io.usher.application.reports.DashboardService;
import io.usher.domain.ledger.StatusCounts;
import io.usher.ui.kit.Banner;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Header;
import io.usher.ui.kit.Screen;
import io.usher.ui.users.StatusFilter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Headline numbers: who may watch, who is about to stop, who has stopped, who never will. */
public final class DashboardView implements Screen {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.US);

  private final DashboardViewModel model;
  private final Consumer<StatusFilter> openUsers;
  private final Runnable openPlans;
  private final Runnable openUnmatched;
  private final Consumer<DashboardService.Place> open;
  private final BiConsumer<LocalDate, LocalDate> openPayments;
  private final Formats formats;
  private final VBox root = new VBox(20);
  private final ScrollPane scroller = new ScrollPane(root);
  private final MoneyPanel money;
  private final VBox lists = new VBox(16);

  /**
   * @param open opens the screen where a setup step is done
   * @param openPayments opens the Payments screen on what was paid between two days (both null:
   *     all), behind every money figure
   */
  private Runnable openGuide = () -> {};

  /** What "Setup guide…" opens: the first-run guide. */
  public DashboardView onGuide(Runnable open) {
    this.openGuide = open;
    return this;
  }

  public DashboardView(
      DashboardViewModel model,
      Formats formats,
      Consumer<StatusFilter> openUsers,
      Runnable openPlans,
      Runnable openUnmatched,
      BiConsumer<LocalDate, LocalDate> openPayments,
      Consumer<DashboardService.Place> open) {
    this.model = model;
    this.formats = formats;
    this.openUsers = openUsers;
    this.openPlans = openPlans;
    this.openUnmatched = openUnmatched;
    this.openPayments = openPayments;
    this.open = open;
    this.money = new MoneyPanel(openPayments);
    createView();
    model.overview().addListener((o, was, now) -> show(now));
  }

  private void show(DashboardService.Overview overview) {
    if (overview == null) {
      return;
    }
    money.show(overview.revenue());
    List<Node> blocks = new ArrayList<>();
    if (!overview.setUp()) {
      blocks.add(checklist(overview.checklist()));
    }
    if (!overview.problems().isEmpty()) {
      blocks.add(
          list(
              "dash-problems",
              "Needs attention",
              overview.problems().stream().map(p -> row(p, null, "danger")).toList(),
              "Nothing is wrong.",
              () -> open.accept(DashboardService.Place.JOBS)));
    }
    Node expiring =
        list(
            "dash-expiring-list",
            "Expiring in 7 days",
            overview.expiring().stream()
                .map(
                    u ->
                        row(
                            u.label(),
                            "access ends "
                                + formats.relativeDate(u.expires())
                                + " · "
                                + formats.date(u.expires()),
                            null))
                .toList(),
            "No one's access ends this week.",
            () -> openUsers.accept(StatusFilter.EXPIRING));
    Node recent =
        list(
            "dash-recent",
            "Latest payments",
            overview.recent().stream()
                .map(
                    p ->
                        row(
                            p.email() == null ? "user " + p.userId() : p.email(),
                            p.plan()
                                + " · "
                                + Formats.money(p.amount())
                                + " · "
                                + p.source().code()
                                + " · "
                                + formats.date(p.createdAt()),
                            null))
                .toList(),
            "No payment in the last month.",
            () -> openPayments.accept(null, null));
    HBox.setHgrow(expiring, Priority.ALWAYS);
    HBox.setHgrow(recent, Priority.ALWAYS);
    HBox pair = new HBox(16, expiring, recent);
    blocks.add(pair);
    Node signUps =
        list(
            "dash-sign-ups",
            "New customers",
            overview.signUps().stream()
                .map(u -> row(u.label(), "joined " + formats.relativeDate(u.joined()), null))
                .toList(),
            "No new customer in the last 30 days.",
            () -> openUsers.accept(StatusFilter.ALL));
    Node active = activeChart(overview.activeUsers());
    HBox.setHgrow(active, Priority.ALWAYS);
    ((Region) signUps).setPrefWidth(320);
    ((Region) signUps).setMinWidth(240);
    blocks.add(new HBox(16, active, signUps));
    lists.getChildren().setAll(blocks);
  }

  /** Users with paid-for time at each month's end: whether the business grows. */
  private Node activeChart(List<DashboardService.ActiveUsers> months) {
    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis();
    y.setForceZeroInRange(true);
    y.setMinorTickVisible(false);
    y.setLabel("users");
    LineChart<String, Number> chart = new LineChart<>(x, y);
    chart.setId("dash-active-chart");
    chart.setTitle("Active users");
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.setMinHeight(220);
    chart.setPrefHeight(240);
    XYChart.Series<String, Number> series = new XYChart.Series<>();
    for (DashboardService.ActiveUsers m : months) {
      series.getData().add(new XYChart.Data<>(MONTH.format(m.month()), m.users()));
    }
    chart.getData().add(series);
    VBox panel = new VBox(chart);
    panel.getStyleClass().add("panel");
    panel.setCursor(Cursor.HAND);
    panel.setOnMouseClicked(e -> openUsers.accept(StatusFilter.ACTIVE));
    return panel;
  }

  private Node checklist(List<DashboardService.Check> checks) {
    VBox items = new VBox(6);
    for (DashboardService.Check c : checks) {
      Label mark = new Label(c.done() ? "✓" : "•");
      mark.getStyleClass().add(c.done() ? Styles.SUCCESS : Styles.WARNING);
      mark.setMinWidth(16);
      Label name = new Label(c.label());
      name.getStyleClass().add(c.done() ? Styles.TEXT_MUTED : Styles.TEXT_BOLD);
      VBox text = new VBox(2, name);
      if (!c.done()) {
        Label hint = new Label(c.hint());
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        text.getChildren().add(hint);
      }
      HBox.setHgrow(text, Priority.ALWAYS);
      HBox line = new HBox(8, mark, text);
      if (!c.done()) {
        Button go = new Button("Open");
        go.setId("dash-open-" + c.place().name().toLowerCase(java.util.Locale.ROOT));
        go.getStyleClass().add(Styles.SMALL);
        go.setOnAction(e -> open.accept(c.place()));
        line.getChildren().add(go);
      }
      line.setAlignment(Pos.CENTER_LEFT);
      items.getChildren().add(line);
    }
    Label title = new Label("Set up Usher");
    title.getStyleClass().add(Styles.TITLE_4);
    VBox panel = new VBox(10, title, items);
    panel.getStyleClass().add("panel");
    panel.setId("dash-checklist");
    return panel;
  }

  /** A list line: what it is about, and under it the detail, both wrapping rather than cut. */
  private static Node row(String text, String detail, String tone) {
    Label title = new Label(text);
    title.setWrapText(true);
    if (tone != null) {
      title.getStyleClass().add(tone);
    }
    VBox line = new VBox(2, title);
    if (detail != null) {
      Label d = new Label(detail);
      d.setWrapText(true);
      d.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
      line.getChildren().add(d);
    }
    return line;
  }

  private static Node list(
      String id, String title, List<Node> rows, String empty, Runnable openAll) {
    Label heading = new Label(title);
    heading.getStyleClass().add(Styles.TITLE_4);
    Hyperlink all = new Hyperlink("See all");
    all.setOnAction(e -> openAll.run());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox top = new HBox(8, heading, gap, all);
    top.setAlignment(Pos.CENTER_LEFT);
    VBox body = new VBox(6);
    if (rows.isEmpty()) {
      Label none = new Label(empty);
      none.getStyleClass().add(Styles.TEXT_MUTED);
      none.setWrapText(true);
      none.setMinHeight(Region.USE_PREF_SIZE);
      body.getChildren().add(none);
    } else {
      body.getChildren().setAll(rows);
    }
    VBox panel = new VBox(10, top, body);
    panel.getStyleClass().add("panel");
    panel.setId(id);
    panel.setMaxWidth(Double.MAX_VALUE);
    panel.setPrefWidth(400);
    return panel;
  }

  private void createView() {
    HBox cards = new HBox(16);
    cards
        .getChildren()
        .setAll(
            card(
                "dash-active",
                "Active",
                "may watch now",
                StatusCounts::active,
                StatusFilter.ACTIVE,
                "success"),
            card(
                "dash-expiring",
                "Expiring in 7 days",
                "time to remind them",
                StatusCounts::expiringSoon,
                StatusFilter.EXPIRING,
                "warning"),
            card(
                "dash-expired",
                "Expired",
                "access has ended",
                StatusCounts::expired,
                StatusFilter.EXPIRED,
                "danger"),
            card(
                "dash-permanent",
                "Permanent",
                "never expire",
                StatusCounts::permanent,
                StatusFilter.PERMANENT,
                "accent"));

    Label stepsTitle = new Label("Get started");
    stepsTitle.getStyleClass().add(Styles.TITLE_4);
    Label steps =
        new Label(
            "Create your first plan: it says what a customer pays, for how long and which"
                + " libraries it opens. Then add users and record their payments. The setup guide"
                + " takes you through a server, its libraries, a plan, email and payments.");
    steps.setWrapText(true);
    steps.getStyleClass().add(Styles.TEXT_MUTED);
    Button createPlan = new Button("Create a plan");
    createPlan.getStyleClass().add(Styles.ACCENT);
    createPlan.setOnAction(e -> openPlans.run());
    Button guide = new Button("Setup guide…");
    guide.setId("dash-guide");
    guide.setOnAction(e -> openGuide.run());
    VBox start = new VBox(8, stepsTitle, steps, new HBox(8, createPlan, guide));
    start.getStyleClass().add("panel");
    start.setId("dash-get-started");
    start.visibleProperty().bind(model.hasPlans().not());
    start.managedProperty().bind(start.visibleProperty());

    Label error = Banner.error(model.error());

    root.getChildren()
        .setAll(
            Header.of("Dashboard", "Your customers and your money at a glance."),
            error,
            start,
            unmatchedPanel(),
            cards,
            money.node(),
            lists);
    root.setPadding(new Insets(24));
    scroller.setFitToWidth(true);
    scroller.getStyleClass().add("edge-to-edge");
  }

  /** Shown while payments wait for the owner: money came in that reached no one yet. */
  private Node unmatchedPanel() {
    Label title = new Label();
    title.setId("dash-unmatched");
    title.getStyleClass().add(Styles.TITLE_4);
    title
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.unmatched().get() == 1
                        ? "1 payment waits for you"
                        : model.unmatched().get() + " payments wait for you",
                model.unmatched()));
    Label text =
        new Label(
            "Paid through Stripe or PayPal by someone Usher could not match to a user. Assign each"
                + " to its customer so their access starts, or dismiss it.");
    text.setWrapText(true);
    text.getStyleClass().add(Styles.TEXT_MUTED);
    Button review = new Button("Review unmatched payments");
    review.setId("dash-unmatched-review");
    review.getStyleClass().add(Styles.ACCENT);
    review.setOnAction(e -> openUnmatched.run());
    VBox panel = new VBox(8, title, text, review);
    panel.getStyleClass().addAll("panel", "attention");
    panel.setId("dash-unmatched-panel");
    panel.visibleProperty().bind(model.unmatched().greaterThan(0));
    panel.managedProperty().bind(panel.visibleProperty());
    return panel;
  }

  private Node card(
      String id,
      String title,
      String caption,
      ToIntFunction<StatusCounts> value,
      StatusFilter filter,
      String tone) {
    Label number = new Label();
    number.setId(id);
    number.getStyleClass().addAll(Styles.TITLE_1, "stat-number", tone);
    number
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> Integer.toString(value.applyAsInt(model.counts().get())), model.counts()));
    Label name = new Label(title);
    name.getStyleClass().add(Styles.TEXT_BOLD);
    name.setWrapText(true);
    Label sub = new Label(caption);
    sub.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    VBox card = new VBox(4, number, name, sub);
    card.getStyleClass().addAll("panel", "stat-card");
    card.setPrefWidth(220);
    card.setMaxWidth(Double.MAX_VALUE);
    card.setAlignment(Pos.TOP_LEFT);
    card.setCursor(Cursor.HAND);
    card.setOnMouseClicked(e -> openUsers.accept(filter));
    HBox.setHgrow(card, Priority.ALWAYS);
    return card;
  }

  @Override
  public Node node() {
    return scroller;
  }

  @Override
  public void refresh() {
    model.load();
  }

  @Override
  public boolean followsLedger() {
    return true;
  }
}

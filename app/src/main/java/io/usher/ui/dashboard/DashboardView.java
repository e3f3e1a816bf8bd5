package io.usher.ui.dashboard;

import atlantafx.base.theme.Styles;
import io.usher.domain.ledger.StatusCounts;
import io.usher.ui.kit.Banner;
import io.usher.ui.kit.Header;
import io.usher.ui.kit.Screen;
import io.usher.ui.users.StatusFilter;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/** Headline numbers: who may watch, who is about to stop, who has stopped, who never will. */
public final class DashboardView implements Screen {
  private final DashboardViewModel model;
  private final Consumer<StatusFilter> openUsers;
  private final Runnable openPlans;
  private final Runnable openUnmatched;
  private final VBox root = new VBox(20);

  public DashboardView(
      DashboardViewModel model,
      Consumer<StatusFilter> openUsers,
      Runnable openPlans,
      Runnable openUnmatched) {
    this.model = model;
    this.openUsers = openUsers;
    this.openPlans = openPlans;
    this.openUnmatched = openUnmatched;
    createView();
  }

  private void createView() {
    TilePane cards = new TilePane(16, 16);
    cards.setPrefColumns(4);
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
                + " libraries it opens. Then add users and record their payments.");
    steps.setWrapText(true);
    steps.getStyleClass().add(Styles.TEXT_MUTED);
    Button createPlan = new Button("Create a plan");
    createPlan.getStyleClass().add(Styles.ACCENT);
    createPlan.setOnAction(e -> openPlans.run());
    VBox start = new VBox(8, stepsTitle, steps, createPlan);
    start.getStyleClass().add("panel");
    start.setId("dash-get-started");
    start.visibleProperty().bind(model.hasPlans().not());
    start.managedProperty().bind(start.visibleProperty());

    Label error = Banner.error(model.error());

    root.getChildren()
        .setAll(
            Header.of("Dashboard", "Your customers at a glance."),
            error,
            start,
            unmatchedPanel(),
            cards);
    root.setPadding(new Insets(24));
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
    Label sub = new Label(caption);
    sub.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    VBox card = new VBox(4, number, name, sub);
    card.getStyleClass().addAll("panel", "stat-card");
    card.setPrefWidth(220);
    card.setAlignment(Pos.TOP_LEFT);
    card.setCursor(Cursor.HAND);
    card.setOnMouseClicked(e -> openUsers.accept(filter));
    HBox.setHgrow(card, Priority.ALWAYS);
    return card;
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void refresh() {
    model.load();
  }
}

package io.usher.ui.users;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.usher.application.referrals.ReferralService;
import io.usher.domain.ledger.PaymentRow;
import io.usher.domain.ledger.PlanChange;
import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.ui.kit.Badge;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Placeholder;
import io.usher.ui.kit.Tables;
import java.time.Instant;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The right-hand side of the Users screen: who the selected user is and what they paid. */
final class UserDetailPane {
  private final Formats formats;
  private final UsersViewModel model;
  private final StackPane root = new StackPane();
  private final HBox content = new HBox(24);
  private final Label title = new Label();
  private final HBox badges = new HBox(6);
  private final GridPane facts = new GridPane();
  private final Node empty =
      Placeholder.of("No user selected", "Select a user to see their details and payments.");

  /** What the pane's buttons do; the Users screen opens the dialogs. */
  interface Actions {
    void edit();

    void addPayment();

    void editPayment(PaymentRow payment);

    void changeAccount();

    void changePlan();

    void linkSub();

    void unlinkSub();
  }

  UserDetailPane(Formats formats, Actions actions, UsersViewModel model) {
    this.formats = formats;
    this.model = model;
    title.getStyleClass().add(Styles.TITLE_3);
    title.setId("user-detail-title");
    badges.setId("user-detail-badges");
    title.setWrapText(true);
    facts.setHgap(12);
    facts.setVgap(6);
    Button editButton = new Button("Edit");
    editButton.setId("user-edit");
    editButton.setOnAction(e -> actions.edit());
    Button payButton = new Button("Add payment");
    payButton.setId("user-add-payment");
    payButton.getStyleClass().add(Styles.ACCENT);
    payButton.setOnAction(e -> actions.addPayment());
    javafx.scene.control.MenuButton more = new javafx.scene.control.MenuButton("More");
    more.setId("user-more");
    javafx.scene.control.MenuItem change =
        new javafx.scene.control.MenuItem("Change Plex account…");
    change.setId("user-change-account");
    change.setOnAction(e -> actions.changeAccount());
    javafx.scene.control.MenuItem link = new javafx.scene.control.MenuItem("Link a sub-account…");
    link.setId("user-link");
    link.setOnAction(e -> actions.linkSub());
    javafx.scene.control.MenuItem unlink =
        new javafx.scene.control.MenuItem("Unlink a sub-account…");
    unlink.setId("user-unlink");
    unlink.setOnAction(e -> actions.unlinkSub());
    javafx.scene.control.MenuItem plan = new javafx.scene.control.MenuItem("Change plan…");
    plan.setId("user-change-plan");
    plan.setOnAction(e -> actions.changePlan());
    more.getItems().setAll(plan, change, link, unlink);
    HBox buttons = new HBox(8, editButton, payButton, more);
    buttons.setAlignment(Pos.CENTER_LEFT);

    Label paymentsTitle = new Label("Payments");
    paymentsTitle.getStyleClass().add(Styles.TITLE_4);
    Label paymentsHint = new Label("Double-click a payment to correct it.");
    paymentsHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    HBox paymentsHeader = new HBox(10, paymentsTitle, paymentsHint);
    paymentsHeader.setAlignment(Pos.BASELINE_LEFT);
    TableView<PaymentRow> payments = new TableView<>(model.selectedPayments());
    payments.setId("user-payments");
    payments.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
    Tables.fitOrScroll(payments);
    payments
        .getColumns()
        .setAll(
            Tables.sortable("Starts", 110, PaymentRow::start, formats::date),
            Tables.sortable("Ends", 110, PaymentRow::end, formats::date),
            Tables.text("Plan", 220, PaymentRow::plan),
            Tables.text("Amount", 110, p -> Formats.money(p.amount())),
            Tables.text("Transaction", 180, p -> p.seq() == 1 ? p.txn() : p.txn() + " #" + p.seq()),
            Tables.text("Source", 80, p -> p.source().code()));
    payments.setPlaceholder(new Label("No payments: this user has never paid."));
    Tables.onDoubleClick(payments, actions::editPayment);
    VBox.setVgrow(payments, Priority.ALWAYS);
    payments.setPrefHeight(200);

    // The details scroll when they are many (notes, referrals) and the pane is short; the buttons
    // stay in view below them.
    VBox details = new VBox(10, title, badges, facts);
    javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(details);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    VBox about = new VBox(10, scroll, buttons);
    about.setPrefWidth(380);
    about.setMinWidth(320);
    VBox paid = new VBox(8, paymentsHeader, payments);
    HBox.setHgrow(paid, Priority.ALWAYS);
    content.getChildren().setAll(about, paid);
    content.setPadding(new Insets(14, 0, 0, 0));
    root.getChildren().setAll(empty);
    model.selectedUser().addListener((o, was, now) -> show(now));
    // A reload after a payment brings a new status for the same user: the badges follow it.
    model
        .selected()
        .addListener(
            (o, was, now) -> {
              User shown = model.selectedUser().get();
              if (now != null && shown != null && now.row().id() == shown.id()) {
                show(shown);
              }
            });
  }

  private void show(User user) {
    if (user == null) {
      root.getChildren().setAll(empty);
      return;
    }
    UserSpec s = user.spec();
    title.setText(s.label());
    UserItem item = model.selected().get();
    badges.getChildren().clear();
    if (item != null) {
      badges
          .getChildren()
          .add(
              Badge.status(
                  item.row().status(),
                  item.expiringSoon(),
                  !item.row().permanent() && item.row().expires() == null));
    }
    badges.getChildren().add(Badge.of(s.permanent() ? "Permanent" : "Standard", "neutral"));
    if (s.mustChangeAccount()) {
      badges.getChildren().add(Badge.of("Must change account", "warning"));
    }
    String waiting = model.pendingInvite().get();
    if (waiting != null && !waiting.isEmpty()) {
      Label invite = Badge.of("Invite pending", "warning");
      invite.setId("user-invite-pending");
      invite.setTooltip(new javafx.scene.control.Tooltip(waiting));
      badges.getChildren().add(invite);
    }
    facts.getChildren().clear();
    int row = 0;
    row = fact(row, "Email", s.email());
    row = fact(row, "Expires", item == null ? null : expiry(item.row().expires()));
    row = fact(row, "Plan", item == null ? null : item.row().plan());
    row = fact(row, "Limits", model.limits().get());
    row = fact(row, "Invite", waiting == null || waiting.isEmpty() ? null : "pending: " + waiting);
    row =
        fact(row, "Sub-accounts", model.subs().isEmpty() ? null : String.join(", ", model.subs()));
    row = fact(row, "PayPal", s.paypalEmail());
    row = fact(row, "Discord", discord(s));
    row = referral(row, model.referral().get());
    fact(row, "Notes", s.notes());
    root.getChildren().setAll(content);
  }

  /** "in 3 days (25 Nov 2026)": how near, and the day itself. */
  private String expiry(Instant expires) {
    if (expires == null) {
      return null;
    }
    String near = formats.relativeDate(expires);
    String day = formats.date(expires);
    return near.equals(day) ? day : near + " (" + day + ")";
  }

  private int fact(int row, String name, String value) {
    if (value == null || value.isBlank()) {
      return row;
    }
    Label key = new Label(name);
    key.getStyleClass().add(Styles.TEXT_MUTED);
    key.setMinWidth(Region.USE_PREF_SIZE);
    GridPane.setValignment(key, javafx.geometry.VPos.TOP);
    Label text = new Label(value);
    text.setWrapText(true);
    text.setMinHeight(Region.USE_PREF_SIZE);
    facts.addRow(row, key, text);
    return row + 1;
  }

  private int referral(int row, ReferralService.Summary summary) {
    if (summary == null) {
      return row;
    }
    row = fact(row, "Referral code", summary.code());
    row = fact(row, "Referred by", summary.referredBy().orElse(null));
    if (summary.referred().isEmpty()) {
      return row;
    }
    String who =
        summary.referred().stream()
            .map(
                r ->
                    r.who()
                        + (r.bonusSeconds() > 0
                            ? " (+" + PlanChange.span(r.bonusSeconds()) + ")"
                            : ""))
            .collect(java.util.stream.Collectors.joining(", "));
    return fact(row, "Referred", who);
  }

  private static String discord(UserSpec s) {
    if (s.discordName() == null) {
      return s.discordId();
    }
    return s.discordId() == null ? s.discordName() : s.discordName() + " (" + s.discordId() + ")";
  }

  Node node() {
    return root;
  }
}

package io.usher.ui.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.usher.application.settings.SettingView;
import io.usher.domain.backups.BackupFile;
import io.usher.domain.common.ValidationException;
import io.usher.ui.kit.Banner;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Header;
import io.usher.ui.kit.Placeholder;
import io.usher.ui.kit.Screen;
import io.usher.ui.kit.Tables;
import io.usher.ui.kit.Theme;
import io.usher.ui.kit.UiTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The settings of this data folder as forms grouped by what they are about (each field with a
 * label, a hint and its error beside it), the same keys {@code usher settings} reads and writes in
 * an Advanced table, and the ledger's backups, as {@code usher backup} and {@code usher restore}
 * handle them.
 */
public final class SettingsView implements Screen {
  private final SettingsViewModel model;
  private final UiTasks tasks;
  private final Formats formats;
  private final VBox root = new VBox(14);
  private final TableView<SettingView> table = new TableView<>();
  private final TableView<BackupFile> backups = new TableView<>();

  /** Wide enough for a URL, narrow enough that a port field does not span the screen. */
  private static final double FORM_WIDTH = 780;

  private final List<SettingsForm> forms = new ArrayList<>();
  private final TabPane tabs = new TabPane();
  private final SettingsForm stripe =
      form(
          "Stripe",
          new SettingsForm.Field(
              "stripe.secret-key",
              "Secret key",
              "sk_live_… (or sk_test_… to try it) from Stripe's Dashboard → Developers → API keys."),
          new SettingsForm.Field(
              "stripe.publishable-key", "Publishable key", "pk_live_…, from the same page."),
          new SettingsForm.Field(
              "stripe.webhook-secret",
              "Webhook secret",
              "whsec_…, only if Stripe sends webhooks to this page; without it Usher reads"
                  + " Stripe's events itself."),
          new SettingsForm.Field(
              "stripe.poll-seconds",
              "Read events every",
              "Seconds between reads of Stripe's events."));
  private final SettingsForm seerr =
      form(
          "Seerr",
          new SettingsForm.Field(
              "seerr.url",
              "Address",
              "Where you open Seerr (or Overseerr, Jellyseerr), e.g. http://192.168.1.5:5055. Users"
                  + " with access get an account there; it is removed once their access is gone."),
          new SettingsForm.Field(
              "seerr.api-key", "API key", "From Seerr's Settings → General → API Key."));
  private final SettingsForm paypal =
      form(
          "PayPal",
          new SettingsForm.Field(
              "paypal.client-id",
              "Client id",
              "From developer.paypal.com → Apps & Credentials, Live: used for checkout and for"
                  + " reading payments."),
          new SettingsForm.Field("paypal.secret", "Secret", "The same app's secret."),
          new SettingsForm.Field(
              "paypal.secondary-client-id",
              "Second client id",
              "Optional: a second PayPal account Usher only reads payments from."),
          new SettingsForm.Field(
              "paypal.secondary-secret", "Second secret", "The second app's secret."),
          new SettingsForm.Field(
              "paypal.poll-minutes",
              "Read payments every",
              "Minutes between reads of PayPal's transactions."));

  private Runnable openGuide = () -> {};

  /** What "Setup guide…" opens: the first-run guide, again. */
  public SettingsView onGuide(Runnable open) {
    this.openGuide = open;
    return this;
  }

  public SettingsView(SettingsViewModel model, UiTasks tasks, Formats formats) {
    this.model = model;
    this.tasks = tasks;
    this.formats = formats;
    createView();
  }

  private void createView() {
    Label error = Banner.error(model.error());
    error.setId("settings-error");
    Label notice = Banner.notice(model.notice());
    notice.setId("settings-notice");

    tabs.setId("settings-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getTabs()
        .setAll(
            formTab("checkout", "Checkout", checkoutForms(), List.of()),
            formTab(
                "payments",
                "Payments",
                List.of(stripe, paypal),
                List.of(testStripe(), testPayPal())),
            formTab("expiry", "Expiry & reminders", List.of(expiryForm()), List.of()),
            formTab("media", "Media servers", List.of(mediaForm(), seerr), List.of(testSeerr())),
            backupsTab(),
            advancedTab());
    VBox.setVgrow(tabs, Priority.ALWAYS);
    model
        .settings()
        .addListener(
            (ListChangeListener<SettingView>)
                change -> {
                  Map<String, SettingView> byKey = new HashMap<>();
                  model.settings().forEach(v -> byKey.put(v.key(), v));
                  forms.forEach(f -> f.load(byKey));
                });

    Button guide = new Button("Setup guide…");
    guide.setId("settings-guide");
    guide.setOnAction(e -> openGuide.run());
    root.getChildren()
        .setAll(
            Header.of(
                "Settings",
                "How Usher behaves on this machine. Email and Discord have their own screens.",
                guide),
            notice,
            error,
            model.waiting().node("settings-waiting"),
            tabs);
    root.setPadding(new Insets(24));
  }

  private List<SettingsForm> checkoutForms() {
    SettingsForm page =
        form(
            "Checkout page",
            new SettingsForm.Field(
                "checkout.public-url",
                "Public address",
                "Where customers reach the plans page, e.g. https://tv.example.com behind your reverse"
                    + " proxy. Links in mail and Discord use it."),
            new SettingsForm.Field(
                "checkout.bind",
                "Listen on",
                "127.0.0.1 keeps the page on this machine (for a reverse proxy); 0.0.0.0 opens it to"
                    + " the network."),
            new SettingsForm.Field("checkout.port", "Port", "The page's port; 8765 unless taken."),
            new SettingsForm.Field(
                "checkout.trusted-proxies",
                "Trusted proxies",
                "Your reverse proxy's IP addresses, comma-separated: only their X-Forwarded-For is"
                    + " believed."));
    SettingsForm customers =
        form(
            "Customers",
            new SettingsForm.Field(
                "account.link-hours",
                "Sign-in links last",
                "Hours a customer's emailed sign-in link to their account page works."),
            new SettingsForm.Field(
                "account.plex-change",
                "Plex account change",
                "Users tagged to change Plex account must do so before they buy or are invited"),
            new SettingsForm.Field(
                "trial.max-users",
                "Trial users at once",
                "The most users on a trial; 0 = no cap."));
    SettingsForm referrals =
        form(
            "Referrals",
            new SettingsForm.Field(
                "referral.percent",
                "Referral reward",
                "Percent of a referred customer's first payment given to the referrer as days; 0 turns"
                    + " referrals off."),
            new SettingsForm.Field(
                "referral.min-days", "Fewest referral days", "A referral earns at least this."),
            new SettingsForm.Field(
                "referral.max-days", "Most referral days", "A referral earns at most this."));
    SettingsForm brand =
        form(
            "Branding",
            new SettingsForm.Field(
                "brand.name", "Site name", "Shown at the top of the plans and account pages."),
            new SettingsForm.Field(
                "brand.logo-url",
                "Logo",
                "An https:// address of your logo image; shown beside the name."),
            new SettingsForm.Field(
                "brand.accent",
                "Accent colour",
                "Buttons and links, written #rrggbb (e.g. #e5a00d); empty: Usher's blue."),
            new SettingsForm.Field(
                "brand.welcome", "Welcome", "A sentence or two above the plans."),
            new SettingsForm.Field(
                "brand.footer", "Footer", "A line at the foot of every page, e.g. your name."),
            new SettingsForm.Field(
                "brand.contact", "Contact email", "Linked at the foot for customers' questions."),
            new SettingsForm.Field(
                "brand.terms-url", "Terms", "The address of your terms, linked at the foot."));
    return List.of(page, brand, customers, referrals);
  }

  private SettingsForm expiryForm() {
    return form(
        null,
        new SettingsForm.Field(
            "expiry.grace-days",
            "Grace days",
            "Days after expiry before access is removed; 0 removes it at once."),
        new SettingsForm.Field(
            "expiry.grace-group",
            "Grace library group",
            "During grace, narrow expired users to this library group (empty: keep their plan's)."),
        new SettingsForm.Field(
            "reminders.days",
            "Reminders",
            "Days before expiry a reminder goes out, comma-separated, e.g. 7,3,1; empty: none."),
        new SettingsForm.Field(
            "enforce.stop-all",
            "Stream limit",
            "Stop every stream of a user over their plan's limit, not only the extra ones"));
  }

  private SettingsForm mediaForm() {
    return form(
        null,
        new SettingsForm.Field(
            "import.permanent",
            "Imported users",
            "Users found by sync are imported as permanent (never expire)"),
        new SettingsForm.Field(
            "invite.pace-seconds",
            "Pause between invites",
            "Seconds between Plex invites in a bulk import: Plex refuses invites sent too fast."),
        new SettingsForm.Field(
            "sharing.own-addresses",
            "Your addresses",
            "Your own public IP addresses, comma-separated: streams from them never count as"
                + " sharing."),
        new SettingsForm.Field(
            "sharing.locate",
            "Where streams are",
            "Ask plex.tv where customers' public addresses are, to spot impossible travel"));
  }

  private SettingsForm form(String title, SettingsForm.Field... fields) {
    SettingsForm form = new SettingsForm(title, List.of(fields));
    forms.add(form);
    return form;
  }

  private Button testStripe() {
    Button test = new Button("Save and test Stripe");
    test.setId("settings-test-stripe");
    test.setOnAction(e -> save(List.of(stripe), model::testStripe));
    return test;
  }

  private Button testSeerr() {
    Button test = new Button("Save and test Seerr");
    test.setId("settings-test-seerr");
    test.setOnAction(e -> save(List.of(seerr), model::testSeerr));
    return test;
  }

  private Button testPayPal() {
    Button test = new Button("Save and test PayPal");
    test.setId("settings-test-paypal");
    test.setOnAction(e -> save(List.of(paypal), model::testPayPal));
    return test;
  }

  /** A tab of forms with Save (and any tests) beneath them, scrolling when the window is short. */
  private Tab formTab(String id, String title, List<SettingsForm> tabForms, List<Button> more) {
    Button save = new Button("Save");
    save.setId("settings-save-" + id);
    save.getStyleClass().add(Styles.ACCENT);
    save.setDefaultButton(false);
    save.setOnAction(e -> save(tabForms, () -> {}));
    HBox buttons = new HBox(10);
    buttons.getChildren().add(save);
    buttons.getChildren().addAll(more);
    buttons.setPadding(new Insets(12, 0, 0, 0));
    VBox forms = new VBox(22);
    tabForms.forEach(f -> forms.getChildren().add(f.node()));
    forms.setPadding(new Insets(18, 8, 18, 0));
    forms.setMaxWidth(FORM_WIDTH);
    ScrollPane scroll = scrolling(forms);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    // Save stays in sight however long the form: it sits under the scrolling part.
    return tab(id, title, new VBox(scroll, buttons));
  }

  private void save(List<SettingsForm> tabForms, Runnable then) {
    Map<String, String> changed = new LinkedHashMap<>();
    tabForms.forEach(
        f -> {
          f.clearErrors();
          changed.putAll(f.changed());
        });
    model.saveAll(
        changed,
        then,
        failure -> {
          if (failure instanceof ValidationException invalid) {
            tabForms.forEach(f -> f.showErrors(invalid.errors()));
            model.error().set("Nothing was saved: correct the settings marked in red.");
          } else {
            model.error().set(Errors.sentence(failure));
          }
        });
  }

  private Tab backupsTab() {
    SettingsForm keep =
        form(
            null,
            new SettingsForm.Field(
                "backup.keep",
                "Daily backups kept",
                "Usher backs the ledger up every day and before every upgrade; older ones go."));
    Button save = new Button("Save");
    save.setId("settings-save-backups");
    save.setOnAction(e -> save(List.of(keep), () -> {}));
    HBox keepRow = new HBox(14, keep.node(), save);
    keepRow.setAlignment(Pos.TOP_LEFT);
    keepRow.setMaxWidth(FORM_WIDTH);
    VBox content = new VBox(18, keepRow, backupsSection());
    content.setPadding(new Insets(18, 8, 18, 0));
    return tab("backups", "Backups", content);
  }

  private Tab advancedTab() {
    Button edit = new Button("Change…");
    edit.setId("settings-edit");
    edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    edit.setOnAction(e -> openDialog(table.getSelectionModel().getSelectedItem()));
    table.setItems(model.settings());
    table.setId("settings-table");
    table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
    Tables.fitOrScroll(table);
    table
        .getColumns()
        .setAll(
            Tables.text("Setting", 210, SettingView::key),
            Tables.text("Value", 190, SettingView::value),
            Tables.text("Default", 130, s -> s.secret() ? "" : s.defaultValue()),
            Tables.text("What it does", 380, SettingView::description));
    Tables.onDoubleClick(table, this::openDialog);
    VBox.setVgrow(table, Priority.ALWAYS);
    Label about =
        new Label(
            "Every setting by its key, as usher settings lists them: the service addresses (for"
                + " a proxy) are only here.");
    about.getStyleClass().add(Styles.TEXT_MUTED);
    about.setWrapText(true);
    HBox.setHgrow(about, Priority.ALWAYS);
    edit.setMinWidth(Region.USE_PREF_SIZE);
    HBox head = new HBox(10, about, edit);
    head.setAlignment(Pos.CENTER_LEFT);
    VBox content = new VBox(10, head, table);
    content.setPadding(new Insets(14, 0, 0, 0));
    return tab("advanced", "Advanced", content);
  }

  private static Tab tab(String id, String title, Node content) {
    Tab tab = new Tab(title, content);
    tab.setId("settings-tab-" + id);
    return tab;
  }

  private static ScrollPane scrolling(Node content) {
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    return scroll;
  }

  private Node backupsSection() {
    Button now = new Button("Back up now");
    now.setId("backup-now");
    now.disableProperty().bind(model.busy());
    now.setOnAction(e -> model.backUpNow());
    Button restore = new Button("Restore…");
    restore.setId("backup-restore");
    restore
        .disableProperty()
        .bind(
            Bindings.or(model.busy(), backups.getSelectionModel().selectedItemProperty().isNull()));
    restore.setOnAction(e -> confirmRestore(backups.getSelectionModel().getSelectedItem()));

    Label title = new Label("Backups");
    title.getStyleClass().add(Styles.TITLE_4);
    Label sub =
        new Label("Taken every day (the newest backup.keep are kept) and before every upgrade.");
    sub.getStyleClass().add(Styles.TEXT_MUTED);
    sub.setWrapText(true);
    sub.setMinHeight(Region.USE_PREF_SIZE);
    VBox words = new VBox(2, title, sub);
    HBox.setHgrow(words, Priority.ALWAYS);
    now.setMinWidth(Region.USE_PREF_SIZE);
    restore.setMinWidth(Region.USE_PREF_SIZE);
    HBox head = new HBox(10, words, now, restore);
    head.setAlignment(Pos.CENTER_LEFT);

    backups.setId("backups-table");
    backups.setItems(model.backups());
    backups.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
    Tables.fitOrScroll(backups);
    backups
        .getColumns()
        .setAll(
            Tables.text("Taken", 170, b -> formats.dateTime(b.created())),
            Tables.text("Size", 90, b -> size(b.bytes())),
            Tables.text("Ledger version", 150, b -> Integer.toString(b.schema())),
            Tables.text("File", 420, b -> String.valueOf(Path.of(b.file()).getFileName())));
    backups.setPlaceholder(
        Placeholder.of("No backups yet", "Usher takes one every day, or now with Back up now."));
    backups.setPrefHeight(190);
    backups.setMinHeight(150);
    Tables.onDoubleClick(backups, this::confirmRestore);
    return new VBox(10, head, backups);
  }

  private void confirmRestore(BackupFile backup) {
    if (model.busy().get()) {
      return;
    }
    String taken = formats.dateTime(backup.created());
    Alert confirm =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "Usher backs up the ledger as it is now, puts the backup taken "
                + taken
                + " in its place and opens this window again on it. Payments and changes made"
                + " since "
                + taken
                + " are not in that backup; they stay in the one taken now. The checkout page"
                + " and the timers pause for those few seconds.",
            ButtonType.CANCEL,
            ButtonType.OK);
    confirm.initOwner(root.getScene().getWindow());
    confirm.setHeaderText("Restore " + Path.of(backup.file()).getFileName() + "?");
    confirm.getDialogPane().getStylesheets().addAll(Theme.stylesheets());
    confirm.getDialogPane().setPrefWidth(560);
    ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText("Restore");
    ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setId("restore-confirm");
    if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
      model.restore(backup);
    }
  }

  private static String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return Math.max(1, bytes / 1024) + " KB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  private void openDialog(SettingView setting) {
    TextField input = setting.secret() ? new PasswordField() : new TextField();
    input.setId("setting-value");
    if (!setting.secret()) {
      input.setText(setting.value());
    }
    input.setPromptText(
        setting.secret()
            ? (setting.value().isEmpty()
                ? "Not set"
                : "Set (" + setting.value() + "): type to replace")
            : setting.defaultValue());
    Form form = new Form().field(setting.key(), setting.key(), input, setting.description() + ".");
    new FormDialog<>(
            root.getScene().getWindow(),
            "Change " + setting.key(),
            "Save",
            form,
            tasks,
            () -> model.save(setting.key(), input.getText()))
        .showAndWait()
        .ifPresent(saved -> model.load());
  }

  /** Opens the tab named by its id (checkout, payments, expiry, media, backups, advanced). */
  public void show(String tabId) {
    tabs.getTabs().stream()
        .filter(t -> ("settings-tab-" + tabId).equals(t.getId()))
        .findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
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

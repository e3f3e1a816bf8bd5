package io.usher.ui.guide;

import atlantafx.base.theme.Styles;
import io.usher.application.Usher;
import io.usher.application.settings.SettingsService.GuideStep;
import io.usher.domain.media.ServerKind;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanForm;
import io.usher.domain.servers.Library;
import io.usher.ui.kit.Browser;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.Theme;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.servers.AddPlexDialog;
import io.usher.ui.servers.AddServerDialog;
import io.usher.ui.servers.ServersViewModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The first-run guide: a server, its libraries in groups, the default plan, then (each optional)
 * email with a test mail, a payment provider with its keys tested, and the checkout's public
 * address. Every step can be skipped; the dashboard's checklist names the skipped ones. Shown on
 * the first start of an empty ledger and from Settings at any time.
 */
public final class SetupGuide {
  private static final double WIDTH = 600;

  private final Usher usher;
  private final UiTasks tasks;
  private final Browser browser;
  private final Dialog<Void> dialog = new Dialog<>();
  private final Label counter = new Label();
  private final Label title = new Label();
  private final Label intro = new Label();
  private final Label status = new Label();
  private final VBox body = new VBox(10);
  private final Button back;
  private final Button skip;
  private final Button next;
  private final List<Step> steps = new ArrayList<>();
  private final Set<GuideStep> skipped = EnumSet.noneOf(GuideStep.class);
  private int at;

  public SetupGuide(Window owner, Usher usher, UiTasks tasks, Browser browser) {
    this.usher = usher;
    this.tasks = tasks;
    this.browser = browser;
    dialog.initOwner(owner);
    dialog.setTitle("Set up Usher");
    dialog.getDialogPane().getStylesheets().addAll(Theme.stylesheets());
    dialog.setResizable(true);
    counter.setId("guide-counter");
    counter.getStyleClass().add(Styles.TEXT_MUTED);
    title.setId("guide-title");
    title.getStyleClass().add(Styles.TITLE_3);
    intro.setWrapText(true);
    intro.setPrefWidth(WIDTH);
    intro.setMinHeight(Region.USE_PREF_SIZE);
    status.setId("guide-status");
    status.setWrapText(true);
    status.setPrefWidth(WIDTH);
    status.setMinHeight(Region.USE_PREF_SIZE);
    VBox page = new VBox(12, counter, title, intro, body, status);
    page.setPadding(new Insets(8, 4, 4, 4));
    page.setPrefWidth(WIDTH + 20);
    dialog.getDialogPane().setContent(page);
    ButtonType backType = new ButtonType("Back", ButtonBar.ButtonData.BACK_PREVIOUS);
    ButtonType skipType = new ButtonType("Skip this step", ButtonBar.ButtonData.OTHER);
    ButtonType nextType = new ButtonType("Next", ButtonBar.ButtonData.NEXT_FORWARD);
    dialog.getDialogPane().getButtonTypes().addAll(backType, skipType, nextType, ButtonType.CLOSE);
    back = button(backType, "guide-back", () -> go(at - 1));
    skip =
        button(
            skipType,
            "guide-skip",
            () -> {
              skipped.add(steps.get(at).key());
              go(at + 1);
            });
    next = button(nextType, "guide-next", this::advance);
    next.setDefaultButton(true);
    ((Button) dialog.getDialogPane().lookupButton(ButtonType.CLOSE)).setId("guide-close");
    // Closing part-way counts the steps not reached as skipped, so the checklist names them.
    dialog.setOnHidden(
        e -> {
          for (int i = at; i < steps.size(); i++) {
            skipped.add(steps.get(i).key());
          }
          Set<GuideStep> done = EnumSet.copyOf(skipped);
          tasks.run(
              () -> {
                usher.settings().guideDone(done);
                return done;
              },
              saved -> {},
              failure -> {});
        });
    steps.add(serverStep());
    steps.add(groupsStep());
    steps.add(planStep());
    steps.add(mailStep());
    steps.add(paymentsStep());
    steps.add(addressStep());
    go(0);
  }

  public void showAndWait() {
    dialog.showAndWait();
  }

  /** One page of the guide. */
  private record Step(
      GuideStep key, String title, String intro, Node content, Runnable shown, Saver save) {}

  /** Saves a step's values (in the background) and calls {@code done} when it may move on. */
  @FunctionalInterface
  private interface Saver {
    void save(Runnable done);
  }

  private Button button(ButtonType type, String id, Runnable action) {
    Button b = (Button) dialog.getDialogPane().lookupButton(type);
    b.setId(id);
    b.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          e.consume();
          action.run();
        });
    return b;
  }

  private void go(int index) {
    if (index >= steps.size()) {
      at = steps.size();
      dialog.close();
      return;
    }
    at = Math.max(0, index);
    Step step = steps.get(at);
    counter.setText("Step " + (at + 1) + " of " + steps.size());
    title.setText(step.title());
    intro.setText(step.intro());
    body.getChildren().setAll(step.content());
    status.setText("");
    back.setDisable(at == 0);
    next.setText(at == steps.size() - 1 ? "Finish" : "Next");
    step.shown().run();
    if (dialog.getDialogPane().getScene() != null) {
      dialog.getDialogPane().getScene().getWindow().sizeToScene();
    }
  }

  private void advance() {
    Step step = steps.get(at);
    next.setDisable(true);
    step.save()
        .save(
            () -> {
              next.setDisable(false);
              skipped.remove(step.key());
              go(at + 1);
            });
  }

  /** Runs {@code work} in the background; a refusal is shown and the step stays. */
  private <T> void attempt(
      java.util.function.Supplier<T> work, Consumer<T> then, String failedPrefix) {
    tasks.run(
        work,
        then,
        failure -> {
          next.setDisable(false);
          status.getStyleClass().setAll("label", Styles.DANGER);
          status.setText(failedPrefix + Errors.sentence(failure));
        });
  }

  private void say(String text) {
    status.getStyleClass().setAll("label", Styles.SUCCESS);
    status.setText(text);
  }

  private Step serverStep() {
    Label linked = new Label();
    linked.setId("guide-servers-linked");
    linked.setWrapText(true);
    linked.setPrefWidth(WIDTH);
    ServersViewModel servers =
        new ServersViewModel(usher.servers(), usher.plexSignIn(), usher.migrations(), tasks);
    Runnable show =
        () ->
            tasks.run(
                () -> usher.servers().list(),
                list ->
                    linked.setText(
                        list.isEmpty()
                            ? "No server linked yet."
                            : "Linked: "
                                + list.stream()
                                    .map(
                                        r ->
                                            r.server().name()
                                                + " ("
                                                + r.server().kind().label()
                                                + ")")
                                    .collect(Collectors.joining(", "))
                                + ". Link another, or go on."),
                failure -> linked.setText(Errors.sentence(failure)));
    Button plex =
        link(
            "Sign in with Plex…",
            "guide-plex",
            () -> new AddPlexDialog(window(), tasks, servers, browser).showAndWait(),
            show);
    plex.getStyleClass().add(Styles.ACCENT);
    Button jellyfin =
        link(
            "Jellyfin…",
            "guide-jellyfin",
            () -> new AddServerDialog(window(), tasks, servers, ServerKind.JELLYFIN).showAndWait(),
            show);
    Button emby =
        link(
            "Emby…",
            "guide-emby",
            () -> new AddServerDialog(window(), tasks, servers, ServerKind.EMBY).showAndWait(),
            show);
    Button test = new Button("Test connection");
    test.setId("guide-test");
    test.setOnAction(
        e ->
            attempt(
                () -> {
                  List<String> said = new ArrayList<>();
                  for (var row : usher.servers().list()) {
                    try {
                      var info = usher.servers().test(row.server().name());
                      said.add(
                          "Connected: "
                              + row.server().label()
                              + " answers as "
                              + info.name()
                              + (info.version() == null ? "" : ", version " + info.version())
                              + ".");
                    } catch (io.usher.domain.common.UsherException failed) {
                      said.add(row.server().label() + ": " + failed.getMessage());
                    }
                  }
                  return said.isEmpty() ? "Link a server first." : String.join(" ", said);
                },
                this::say,
                ""));
    HBox buttons = new HBox(8, plex, jellyfin, emby, test);
    buttons.setAlignment(Pos.CENTER_LEFT);
    return new Step(
        GuideStep.SERVER,
        "Connect your first server",
        "Usher shares your libraries with paying customers. Sign in with Plex, or give a Jellyfin"
            + " or Emby server's address and an API key: Usher tests the connection and imports the"
            + " libraries.",
        new VBox(10, buttons, linked),
        show,
        done ->
            attempt(
                () -> usher.servers().list().isEmpty(),
                none -> {
                  if (none) {
                    next.setDisable(false);
                    status.getStyleClass().setAll("label", Styles.DANGER);
                    status.setText("Link a server first, or skip this step.");
                  } else {
                    done.run();
                  }
                },
                ""));
  }

  /** A button that opens a server's link dialog, then shows what is linked. */
  private static Button link(String text, String id, Runnable dialog, Runnable then) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(
        e -> {
          dialog.run();
          then.run();
        });
    return b;
  }

  private Step groupsStep() {
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(6);
    grid.setId("guide-libraries");
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    scroll.setPrefViewportHeight(220);
    scroll.setPrefWidth(WIDTH);
    Runnable show =
        () ->
            tasks.run(
                () -> Map.entry(usher.servers().libraries(null), usher.servers().groups()),
                found -> {
                  grid.getChildren().clear();
                  List<Library> libraries = found.getKey();
                  if (libraries.isEmpty()) {
                    grid.add(new Label("No libraries yet: link a server first."), 0, 0);
                  }
                  int row = 0;
                  for (Library l : libraries) {
                    Label name = new Label(l.title() + " — " + l.server());
                    name.setWrapText(true);
                    name.setPrefWidth(WIDTH - 220);
                    ComboBox<String> group = new ComboBox<>();
                    group.setId("guide-group-" + l.id());
                    group.getItems().setAll(found.getValue());
                    group.setValue(l.group());
                    group.setPrefWidth(180);
                    group
                        .valueProperty()
                        .addListener(
                            (o, was, now) ->
                                attempt(
                                    () -> usher.servers().setGroup(l.id(), now),
                                    saved ->
                                        say(saved.title() + " is now in " + saved.group() + "."),
                                    ""));
                    grid.add(name, 0, row);
                    grid.add(group, 1, row);
                    row++;
                  }
                },
                failure -> status.setText(Errors.sentence(failure)));
    return new Step(
        GuideStep.GROUPS,
        "Put libraries into groups",
        "A plan opens the libraries in its groups. A new library stays Private, never shared,"
            + " until you put it in a group such as Standard (add groups on Servers & Libraries).",
        scroll,
        show,
        Runnable::run);
  }

  private Step planStep() {
    TextField name = field("guide-plan-name", "Monthly");
    TextField price = field("guide-plan-price", "10.00");
    TextField currency = field("guide-plan-currency", "USD");
    TextField months = field("guide-plan-months", "1");
    TextField groups = field("guide-plan-groups", "Standard");
    Label existing = new Label();
    existing.setId("guide-plan-existing");
    existing.setWrapText(true);
    existing.setPrefWidth(WIDTH);
    Form form =
        new Form()
            .field("name", "Name", name)
            .field("price", "Price", price)
            .field("currency", "Currency", currency, "Three letters, e.g. USD, EUR, GBP.")
            .field("duration", "Months", months)
            .field("groups", "Groups", groups, "The library groups it opens, comma-separated.");
    VBox content = new VBox(10, existing, form.node());
    boolean[] hasPlan = {false};
    Runnable show =
        () ->
            tasks.run(
                () -> usher.plans().list(),
                plans -> {
                  hasPlan[0] = !plans.isEmpty();
                  form.node().setVisible(plans.isEmpty());
                  form.node().setManaged(plans.isEmpty());
                  existing.setText(
                      plans.isEmpty()
                          ? "No plan yet: this one becomes the default, and you can change it or"
                              + " add more on Plans."
                          : "Your plans: "
                              + plans.stream()
                                  .map(
                                      p ->
                                          p.spec().name()
                                              + (p.spec().isDefault() ? " (the default)" : ""))
                                  .collect(Collectors.joining(", "))
                              + ". Change them or add more on Plans.");
                  if (plans.isEmpty()) {
                    tasks.run(
                        () -> usher.servers().groups(),
                        known ->
                            groups.setText(
                                known.stream()
                                    .filter(g -> !g.equalsIgnoreCase("Private"))
                                    .findFirst()
                                    .orElse("Standard")),
                        failure -> {});
                  }
                },
                failure -> existing.setText(Errors.sentence(failure)));
    return new Step(
        GuideStep.PLAN,
        "Your default plan",
        "What a customer buys: a price, a length and the groups of libraries it opens. Customers"
            + " get the default plan unless they choose another.",
        content,
        show,
        done -> {
          if (hasPlan[0]) {
            done.run();
            return;
          }
          form.clearErrors();
          PlanForm plan =
              new PlanForm(
                  name.getText(),
                  price.getText(),
                  currency.getText(),
                  months.getText(),
                  PlanDuration.Unit.MONTHS,
                  groups.getText(),
                  "2",
                  false,
                  true,
                  "",
                  false,
                  true,
                  false,
                  "0",
                  "",
                  "");
          tasks.run(
              () -> usher.plans().create(plan.toSpec()),
              created -> done.run(),
              failure -> refused(form, failure));
        });
  }

  private Step mailStep() {
    Map<String, TextField> fields = new LinkedHashMap<>();
    fields.put("smtp.host", field("guide-smtp-host", ""));
    fields.put("smtp.port", field("guide-smtp-port", "587"));
    fields.put("smtp.security", field("guide-smtp-security", "starttls"));
    fields.put("smtp.user", field("guide-smtp-user", ""));
    PasswordField password = new PasswordField();
    password.setId("guide-smtp-password");
    fields.put("smtp.password", password);
    fields.put("smtp.from", field("guide-smtp-from", ""));
    fields.put("owner.email", field("guide-owner-email", ""));
    Form form =
        new Form()
            .field("smtp.host", "SMTP server", fields.get("smtp.host"), "e.g. smtp.gmail.com")
            .field("smtp.port", "Port", fields.get("smtp.port"))
            .field(
                "smtp.security", "Security", fields.get("smtp.security"), "starttls, ssl or none")
            .field("smtp.user", "User name", fields.get("smtp.user"))
            .field("smtp.password", "Password", password)
            .field("smtp.from", "Sender address", fields.get("smtp.from"))
            .field(
                "owner.email",
                "Your address",
                fields.get("owner.email"),
                "The test mail and" + " Usher's alerts go here.");
    Button test = new Button("Save and send a test mail");
    test.setId("guide-mail-test");
    test.setOnAction(
        e ->
            saveSettings(
                form,
                fields,
                () ->
                    attempt(
                        () -> usher.tests().mail(null),
                        sent -> say("Test mail sent. The mail server took the settings."),
                        "The test mail did not go: ")));
    return new Step(
        GuideStep.MAIL,
        "Email (optional)",
        "Invitations with passwords, reminders and receipts go out through your mail server.",
        new VBox(10, form.node(), test),
        () -> {},
        done -> saveSettings(form, fields, done));
  }

  private Step paymentsStep() {
    Map<String, TextField> fields = new LinkedHashMap<>();
    PasswordField stripe = new PasswordField();
    stripe.setId("guide-stripe-key");
    fields.put("stripe.secret-key", stripe);
    fields.put("paypal.client-id", field("guide-paypal-id", ""));
    PasswordField paypal = new PasswordField();
    paypal.setId("guide-paypal-secret");
    fields.put("paypal.secret", paypal);
    Form form =
        new Form()
            .field("stripe.secret-key", "Stripe secret key", stripe, "sk_test_… to try it first.")
            .field("paypal.client-id", "PayPal client id", fields.get("paypal.client-id"))
            .field("paypal.secret", "PayPal secret", paypal);
    Button test = new Button("Save and test the keys");
    test.setId("guide-payments-test");
    test.setOnAction(
        e ->
            saveSettings(
                form,
                fields,
                () ->
                    attempt(
                        () -> {
                          List<String> said = new ArrayList<>();
                          if (!stripe.getText().isBlank()) {
                            said.add(usher.tests().stripe());
                          }
                          if (!fields.get("paypal.client-id").getText().isBlank()) {
                            said.add(usher.tests().payPal());
                          }
                          return said.isEmpty()
                              ? "Give a Stripe key or PayPal's id and secret to test."
                              : String.join(" ", said);
                        },
                        this::say,
                        "")));
    return new Step(
        GuideStep.PAYMENTS,
        "Payments (optional)",
        "Customers pay on your checkout page through Stripe or PayPal. Test keys work the same way"
            + " while you try it.",
        new VBox(10, form.node(), test),
        () -> {},
        done -> saveSettings(form, fields, done));
  }

  private Step addressStep() {
    TextField url = field("guide-public-url", "");
    url.setPromptText("https://tv.example.com");
    Map<String, TextField> fields = Map.of("checkout.public-url", url);
    Form form =
        new Form()
            .field(
                "checkout.public-url",
                "Public address",
                url,
                "Where customers reach the plans page, behind your reverse proxy. Links in mail use"
                    + " it.");
    return new Step(
        GuideStep.ADDRESS,
        "The checkout's public address (optional)",
        "Usher serves the checkout page itself. Give the address customers will open.",
        form.node(),
        () -> {},
        done -> saveSettings(form, fields, done));
  }

  /** Stores the filled fields together (nothing when all are empty), then {@code then}. */
  private void saveSettings(Form form, Map<String, TextField> fields, Runnable then) {
    form.clearErrors();
    Map<String, String> values = new LinkedHashMap<>();
    boolean any =
        fields.entrySet().stream()
            .anyMatch(
                e ->
                    !e.getValue().getText().isBlank()
                        && !e.getValue().getText().equals(defaultOf(e.getKey())));
    if (!any) {
      then.run();
      return;
    }
    fields.forEach((k, f) -> values.put(k, f.getText().strip()));
    tasks.run(
        () -> usher.settings().setAll(values),
        saved -> then.run(),
        failure -> refused(form, failure));
  }

  /** A step's values refused: each beside its field, or one sentence; the step stays. */
  private void refused(Form form, Throwable failure) {
    next.setDisable(false);
    if (failure instanceof io.usher.domain.common.ValidationException invalid) {
      form.showErrors(invalid.errors());
    } else {
      form.showGeneral(Errors.sentence(failure));
    }
  }

  private static String defaultOf(String key) {
    return switch (key) {
      case "smtp.port" -> "587";
      case "smtp.security" -> "starttls";
      default -> "";
    };
  }

  private static TextField field(String id, String text) {
    TextField f = new TextField(text);
    f.setId(id);
    f.setPrefColumnCount(24);
    return f;
  }

  private Window window() {
    return dialog.getDialogPane().getScene().getWindow();
  }
}

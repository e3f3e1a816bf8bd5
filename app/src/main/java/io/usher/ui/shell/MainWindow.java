package io.usher.ui.shell;

import atlantafx.base.controls.Spacer;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import io.usher.application.Usher;
import io.usher.application.exports.ExportService;
import io.usher.application.reports.DashboardService.Place;
import io.usher.ui.activity.ActivityView;
import io.usher.ui.activity.ActivityViewModel;
import io.usher.ui.dashboard.DashboardView;
import io.usher.ui.dashboard.DashboardViewModel;
import io.usher.ui.discord.DiscordScreen;
import io.usher.ui.discounts.DiscountsView;
import io.usher.ui.discounts.DiscountsViewModel;
import io.usher.ui.expiry.ExpiryPreviewDialog;
import io.usher.ui.imports.ImportDialog;
import io.usher.ui.jobs.JobsView;
import io.usher.ui.jobs.JobsViewModel;
import io.usher.ui.kit.Browser;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Screen;
import io.usher.ui.kit.Theme;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.mail.MailView;
import io.usher.ui.mail.MailViewModel;
import io.usher.ui.payments.PaymentsView;
import io.usher.ui.payments.PaymentsViewModel;
import io.usher.ui.plans.PlansView;
import io.usher.ui.plans.PlansViewModel;
import io.usher.ui.servers.ServersView;
import io.usher.ui.servers.ServersViewModel;
import io.usher.ui.settings.LedgerRestore;
import io.usher.ui.settings.SettingsView;
import io.usher.ui.settings.SettingsViewModel;
import io.usher.ui.sharing.SharingView;
import io.usher.ui.sharing.SharingViewModel;
import io.usher.ui.sync.SyncViewModel;
import io.usher.ui.users.StatusFilter;
import io.usher.ui.users.UsersView;
import io.usher.ui.users.UsersViewModel;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The main window: navigation on the left, the chosen screen on the right. */
public final class MainWindow {
  private final Usher usher;
  private final UiTasks tasks;
  private final Map<Section, Screen> screens = new EnumMap<>(Section.class);
  private final Map<Section, ToggleButton> navButtons = new EnumMap<>(Section.class);
  private final StackPane content = new StackPane();
  private final ToggleGroup nav = new ToggleGroup();
  private final UsersViewModel usersModel;
  private final String theme;
  private Section current = Section.DASHBOARD;
  private final javafx.beans.property.StringProperty problem =
      new javafx.beans.property.SimpleStringProperty("");
  private final javafx.beans.property.StringProperty notice =
      new javafx.beans.property.SimpleStringProperty("");
  private VBox sidebar;
  private Browser browser = Browser.SYSTEM;
  private Stage stage;

  /**
   * @param restorer closes the ledger, restores a backup and opens the window again (Settings →
   *     Backups)
   */
  public MainWindow(
      Usher usher, UiTasks tasks, Formats formats, String theme, LedgerRestore restorer) {
    this(usher, tasks, formats, theme, restorer, io.usher.ui.kit.SaveAs.CSV_CHOOSER);
  }

  /**
   * @param saveAs asks where an export goes (the system's save dialog; tests answer themselves)
   */
  public MainWindow(
      Usher usher,
      UiTasks tasks,
      Formats formats,
      String theme,
      LedgerRestore restorer,
      io.usher.ui.kit.SaveAs saveAs) {
    this.usher = usher;
    this.tasks = tasks;
    this.theme = theme;
    usersModel = new UsersViewModel(usersDesk(usher), tasks);
    SyncViewModel sync = new SyncViewModel(usher.sync(), tasks);
    sync.afterSync(() -> screens.get(current).refresh());
    PaymentsViewModel paymentsModel =
        new PaymentsViewModel(usher.payments(), usher.plans(), usher.queries(), tasks);
    screens.put(
        Section.DASHBOARD,
        new DashboardView(
                new DashboardViewModel(usher.dashboard(), usher.unmatched(), tasks, formats.zone()),
                formats,
                this::openUsers,
                () -> go(Section.PLANS),
                () -> go(Section.UNMATCHED),
                (since, until) -> {
                  go(Section.PAYMENTS);
                  if (screens.get(Section.PAYMENTS) instanceof PaymentsView payments) {
                    payments.showPaid(since, until);
                  }
                },
                place -> {
                  go(
                      switch (place) {
                        case SERVERS -> Section.SERVERS;
                        case PLANS -> Section.PLANS;
                        case EMAIL -> Section.EMAIL;
                        case SETTINGS, PAYMENT_SETTINGS -> Section.SETTINGS;
                        case JOBS -> Section.JOBS;
                      });
                  if (screens.get(Section.SETTINGS) instanceof SettingsView settings) {
                    settings.show(place == Place.PAYMENT_SETTINGS ? "payments" : "checkout");
                  }
                })
            .onGuide(this::openSetupGuide));
    screens.put(
        Section.USERS,
        new UsersView(
            usersModel,
            paymentsModel,
            sync,
            tasks,
            formats,
            window -> new ImportDialog(window, usher.imports(), tasks).showAndWait(),
            exporter(saveAs, ExportService.What.USERS, usersModel.notice(), usersModel.error())));
    screens.put(
        Section.PAYMENTS,
        new PaymentsView(
            paymentsModel,
            tasks,
            formats,
            exporter(
                saveAs,
                ExportService.What.PAYMENTS,
                paymentsModel.notice(),
                paymentsModel.error())));
    screens.put(
        Section.UNMATCHED,
        new io.usher.ui.payments.UnmatchedView(
            new io.usher.ui.payments.UnmatchedViewModel(usher.unmatched(), usher.plans(), tasks),
            tasks,
            formats));
    screens.put(Section.PLANS, new PlansView(new PlansViewModel(usher.plans(), tasks), tasks));
    screens.put(
        Section.DISCOUNTS,
        new DiscountsView(
            new DiscountsViewModel(usher.discounts(), usher.plans(), tasks), tasks, formats));
    screens.put(
        Section.SERVERS,
        new ServersView(
            new ServersViewModel(usher.servers(), usher.plexSignIn(), usher.migrations(), tasks),
            sync,
            tasks,
            url -> browser.open(url)));
    screens.put(
        Section.EMAIL,
        new MailView(new MailViewModel(usher.mail(), usher.settings(), usher.tests(), tasks)));
    screens.put(Section.DISCORD, new DiscordScreen(usher.discord(), usher.settings(), tasks));
    screens.put(
        Section.JOBS,
        new JobsView(
            new JobsViewModel(usher.jobs(), tasks),
            formats,
            window -> new ExpiryPreviewDialog(window, usher.expiry(), tasks).showAndWait()));
    screens.put(
        Section.ACTIVITY,
        new ActivityView(new ActivityViewModel(usher.activity(), tasks), formats));
    screens.put(
        Section.SHARING,
        new SharingView(
            new SharingViewModel(usher.sharing(), usher.accessActions(), tasks), formats));
    screens.put(
        Section.SETTINGS,
        new SettingsView(
                new SettingsViewModel(
                    usher.backups(),
                    usher.settings(),
                    usher.tests(),
                    tasks,
                    file -> {
                      pause(
                          "Restoring the ledger",
                          "Backing up the current ledger, then putting "
                              + file
                              + " in its place. The window opens again on it in a moment.");
                      restorer.restore(file);
                    }),
                tasks,
                formats)
            .onGuide(this::openSetupGuide));
  }

  /** Where web addresses open (Sign in with Plex); tests record them instead. */
  public MainWindow browser(Browser opener) {
    this.browser = opener;
    return this;
  }

  static final int WIDTH = 1280;
  static final int HEIGHT = 800;
  static final int MIN_WIDTH = 1000;
  static final int MIN_HEIGHT = 640;

  public void show(Stage stage) {
    this.stage = stage;
    Theme.apply(theme);
    Label problemBanner = io.usher.ui.kit.Banner.error(problem);
    problemBanner.setId("window-problem");
    problemBanner.setMaxWidth(Double.MAX_VALUE);
    problemBanner.setPadding(new Insets(10, 24, 10, 24));
    Label noticeBanner = io.usher.ui.kit.Banner.notice(notice);
    noticeBanner.setId("window-notice");
    noticeBanner.setMaxWidth(Double.MAX_VALUE);
    noticeBanner.setPadding(new Insets(10, 24, 10, 24));
    BorderPane main = new BorderPane(content);
    main.setTop(new VBox(problemBanner, noticeBanner));
    BorderPane root = new BorderPane(main);
    sidebar = sidebar();
    root.setLeft(sidebar);
    content.getStyleClass().add("content");
    // A stage already showing (the starting screen, a restore) keeps the size the owner gave it.
    Scene scene =
        stage.isShowing()
            ? new Scene(root, stage.getScene().getWidth(), stage.getScene().getHeight())
            : new Scene(root, WIDTH, HEIGHT);
    scene.getStylesheets().addAll(Theme.stylesheets());
    stage.setTitle("Usher");
    stage.setMinWidth(MIN_WIDTH);
    stage.setMinHeight(MIN_HEIGHT);
    stage.setScene(scene);
    go(Section.DASHBOARD);
    LedgerWatch watch =
        new LedgerWatch(
            usher.queries(),
            tasks,
            () -> {
              Screen screen = screens.get(current);
              if (screen.followsLedger()) {
                screen.refresh();
              }
            });
    // The watch stops with the window: when the stage closes, and when another scene replaces
    // this one on it (the window opened again after a restore, or the next test's), whose
    // listeners must then let go of this window too or every one ever shown stays in memory.
    javafx.beans.value.ChangeListener<Boolean> closed =
        (o, was, showing) -> {
          if (!showing) {
            watch.stop();
          }
        };
    stage.showingProperty().addListener(closed);
    stage
        .sceneProperty()
        .addListener(
            new javafx.beans.value.ChangeListener<Scene>() {
              @Override
              public void changed(
                  javafx.beans.value.ObservableValue<? extends Scene> o, Scene was, Scene now) {
                if (now != scene) {
                  watch.stop();
                  stage.showingProperty().removeListener(closed);
                  stage.sceneProperty().removeListener(this);
                }
              }
            });
    stage.show();
    watch.look();
    watch.start();
  }

  /**
   * A problem that concerns the whole window rather than one screen (the checkout page could not
   * start), shown above every screen until Usher is restarted.
   */
  public void problem(String sentence) {
    problem.set(sentence == null ? "" : sentence);
  }

  /**
   * What the window says after it was opened again on a restored ledger, above every screen; the
   * Settings screen is shown, with the backups.
   */
  public void restored(String sentence, boolean failed) {
    if (failed) {
      problem.set(problem.get().isEmpty() ? sentence : sentence + " " + problem.get());
    } else {
      notice.set(sentence);
    }
    go(Section.SETTINGS);
  }

  /** Long work that needs the ledger closed: the screens give way to a progress message. */
  private void pause(String title, String text) {
    sidebar.setDisable(true);
    javafx.scene.control.ProgressIndicator spinner = new javafx.scene.control.ProgressIndicator();
    spinner.setMaxSize(48, 48);
    VBox waiting = io.usher.ui.kit.Placeholder.of(title, text, spinner);
    waiting.setId("window-paused");
    content.getChildren().setAll(waiting);
  }

  private VBox sidebar() {
    Label brand = new Label("Usher");
    brand.getStyleClass().addAll(Styles.TITLE_3, "brand");
    VBox items = new VBox(2);
    for (Section section : Section.values()) {
      ToggleButton button = new ToggleButton(section.title);
      button.setId(section.id());
      button.setToggleGroup(nav);
      button.getStyleClass().add("nav-item");
      button.setMaxWidth(Double.MAX_VALUE);
      button.setAlignment(Pos.CENTER_LEFT);
      button.setOnAction(
          e -> {
            // A click on the open section must not leave nothing selected.
            if (!button.isSelected()) {
              button.setSelected(true);
            }
            go(section);
          });
      navButtons.put(section, button);
      items.getChildren().add(button);
    }
    ToggleSwitch dark = new ToggleSwitch("Dark theme");
    dark.setId("theme-dark");
    dark.setSelected(Theme.DARK.equals(theme));
    dark.selectedProperty()
        .addListener(
            (o, was, on) -> {
              String name = on ? Theme.DARK : Theme.LIGHT;
              Theme.apply(name);
              tasks.run(
                  () -> usher.settings().set("ui.theme", name), saved -> {}, Errors::sentence);
            });
    Label data = new Label(usher.dataDir().toString());
    data.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    data.setWrapText(true);
    VBox sidebar =
        new VBox(14, brand, items, new Spacer(javafx.geometry.Orientation.VERTICAL), dark, data);
    sidebar.getStyleClass().add("sidebar");
    sidebar.setPadding(new Insets(20, 14, 16, 14));
    sidebar.setPrefWidth(232);
    sidebar.setMinWidth(232);
    return sidebar;
  }

  /**
   * The first start of an empty ledger (no server, no plan) opens the setup guide once; closing or
   * finishing it keeps it from opening by itself again (Settings opens it any time).
   */
  public void offerSetupGuide() {
    tasks.run(
        () ->
            !usher.settings().guideSeen()
                && usher.servers().list().isEmpty()
                && usher.plans().list().isEmpty(),
        first -> {
          if (first) {
            javafx.application.Platform.runLater(this::openSetupGuide);
          }
        },
        failure -> {});
  }

  /** The setup guide, then the screen refreshed with what it set up. */
  public void openSetupGuide() {
    new io.usher.ui.guide.SetupGuide(stage, usher, tasks, url -> browser.open(url)).showAndWait();
    screens.get(current).refresh();
  }

  private void go(Section section) {
    current = section;
    navButtons.get(section).setSelected(true);
    Screen screen = screens.get(section);
    content.getChildren().setAll(screen.node());
    screen.refresh();
  }

  /** Export's button: where to, then the file written in the background, and one sentence. */
  private java.util.function.Consumer<javafx.stage.Window> exporter(
      io.usher.ui.kit.SaveAs saveAs,
      ExportService.What what,
      javafx.beans.property.StringProperty notice,
      javafx.beans.property.StringProperty error) {
    return window ->
        saveAs
            .choose(window, "Export " + what.label(), what.label() + ".csv")
            .ifPresent(
                file ->
                    tasks.run(
                        () -> usher.exports().export(what, file).sentence(),
                        done -> {
                          error.set("");
                          notice.set(done);
                        },
                        failure -> error.set(Errors.sentence(failure))));
  }

  private void openUsers(StatusFilter filter) {
    usersModel.filter().set(filter);
    go(Section.USERS);
  }

  /** The users screen's share of what the window holds. */
  public static UsersViewModel.Desk usersDesk(Usher usher) {
    return new UsersViewModel.Desk(
        usher.queries(),
        usher.users(),
        usher.links(),
        usher.referrals(),
        usher.plans(),
        usher.servers(),
        usher.invites(),
        usher.userActions(),
        usher.accessActions(),
        usher.accounts(),
        usher.planChanges());
  }
}

package io.usher.app;

import io.usher.domain.common.UsherException;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.shell.MainWindow;
import io.usher.ui.shell.StartingScreen;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * Starts the desktop window on a data directory. Holds the instance lock for as long as the window
 * lives and owns the background pool the screens hand their work to.
 */
final class Desktop {
  /*
   * Started from the class path (java -jar), JavaFX warns on stderr that it was not loaded as
   * named modules; that is how Usher runs outside the packaged image, so the line only
   * confuses. Held in a field: java.util.logging keeps loggers weakly.
   */
  private static final java.util.logging.Logger JAVAFX =
      java.util.logging.Logger.getLogger("javafx");

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Desktop.class);

  private final Path dataDir;
  private volatile Session session;

  private Desktop(Path dataDir) {
    this.dataDir = dataDir;
  }

  /**
   * The window appears at once with the starting screen while the ledger opens in the background
   * (migrations, services, the checkout page), then the screens fill it. Another Usher holding the
   * data folder is refused before any window shows; a ledger that cannot be opened is said in the
   * window and on stderr, and Usher ends with status 1.
   */
  static void start(Path dataDir) {
    requireDisplay(System.getenv(), System.getProperty("os.name"));
    JAVAFX.setFilter(
        r ->
            r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    InstanceLock lock = InstanceLock.acquire(dataDir);
    CompletableFuture<Session> opening = new CompletableFuture<>();
    Thread.ofPlatform()
        .name("usher-open")
        .start(
            () -> {
              try {
                opening.complete(Session.open(lock, dataDir));
              } catch (Throwable e) {
                opening.completeExceptionally(e);
              }
            });
    Desktop desktop = new Desktop(dataDir);
    try {
      Platform.startup(
          () -> {
            // The window closes and opens again around a restore; only its owner ends Usher.
            Platform.setImplicitExit(false);
            desktop.show(new Stage(), opening);
          });
    } catch (RuntimeException noToolkit) {
      // JavaFX found no screen it can use (a display variable that leads nowhere).
      opening.thenAccept(Session::close);
      throw new UsherException(NO_DISPLAY, noToolkit);
    }
  }

  /** What the window runs on one opening of the ledger, and the pool the screens hand work to. */
  private static final class Session {
    final Running running;
    final AppContext context;
    final ExecutorService background;
    final String checkoutProblem;
    final String theme;
    final UiTasks tasks;

    private Session(Running running, String checkoutProblem) {
      this.running = running;
      this.context = running.context;
      this.checkoutProblem = checkoutProblem;
      background =
          Executors.newFixedThreadPool(
              2, Thread.ofPlatform().name("usher-ui-task").daemon().factory());
      theme = context.settings().theme();
      tasks = new UiTasks(background, Platform::runLater);
    }

    static Session open(Path dataDir) {
      return open(InstanceLock.acquire(dataDir), dataDir);
    }

    /** Opens the ledger under a lock already held; the lock is let go if that fails. */
    static Session open(InstanceLock lock, Path dataDir) {
      AtomicReference<String> problem = new AtomicReference<>();
      Running running = Running.start(lock, dataDir, Clock.systemUTC(), problem::set);
      return new Session(running, problem.get());
    }

    void close() {
      background.shutdownNow();
      running.close();
    }
  }

  private void show(Stage stage, CompletableFuture<Session> opening) {
    CompletableFuture<Void> shellOnScreen = StartingScreen.show(stage, dataDir.toString());
    // Closing the starting window ends Usher once the ledger it was opening is closed again.
    stage.setOnHidden(
        e -> {
          opening.thenAccept(Session::close);
          Platform.exit();
        });
    opening.whenComplete(
        (opened, failure) ->
            shellOnScreen.thenRun(
                () ->
                    Platform.runLater(
                        () -> {
                          if (failure != null) {
                            cannotOpen(stage, failure);
                          } else if (stage.isShowing()) {
                            session = opened;
                            stage.setOnHidden(
                                e -> {
                                  session.close();
                                  Platform.exit();
                                });
                            open(stage);
                          }
                        })));
  }

  /** The ledger did not open: the sentence in the window and on stderr, then exit status 1. */
  private static void cannotOpen(Stage stage, Throwable failure) {
    Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
    String sentence = Errors.sentence(cause);
    if (!(cause instanceof UsherException)) {
      LOG.error("The ledger did not open", cause);
    }
    System.err.println(sentence);
    stage.setOnHidden(null);
    Alert alert = new Alert(Alert.AlertType.ERROR, sentence, ButtonType.OK);
    alert.initOwner(stage);
    alert.setHeaderText("Usher could not open the ledger");
    alert.showAndWait();
    System.exit(1);
  }

  private MainWindow open(Stage stage) {
    MainWindow window =
        new MainWindow(
            session.context,
            session.tasks,
            new Formats(ZoneId.systemDefault(), Clock.systemUTC()),
            session.theme,
            file -> restore(stage, file));
    window.show(stage);
    window.problem(session.checkoutProblem);
    window.offerSetupGuide();
    return window;
  }

  /**
   * Settings → Backups → Restore: the ledger is closed (and with it the checkout page and the
   * timers), the backup put in place by the same code as usher restore, and the window opened again
   * on whatever ledger is there now, saying how it went.
   */
  private void restore(Stage stage, String file) {
    // Closed half-way, the window would leave a ledger half-restored and nothing to say so.
    stage.setOnCloseRequest(javafx.event.Event::consume);
    Thread.ofPlatform()
        .name("usher-restore")
        .start(
            () -> {
              session.close();
              String outcome;
              boolean failed = false;
              try {
                outcome = Restore.run(dataDir, Path.of(file), Clock.systemUTC());
              } catch (RuntimeException e) {
                outcome = Errors.sentence(e);
                failed = true;
              }
              String said = outcome;
              boolean refused = failed;
              try {
                Session reopened = Session.open(dataDir);
                Platform.runLater(
                    () -> {
                      session = reopened;
                      stage.setOnCloseRequest(null);
                      open(stage).restored(said, refused);
                    });
              } catch (RuntimeException e) {
                Platform.runLater(() -> cannotReopen(stage, Errors.sentence(e)));
              }
            });
  }

  private static void cannotReopen(Stage stage, String sentence) {
    Alert alert = new Alert(Alert.AlertType.ERROR, sentence, ButtonType.OK);
    alert.initOwner(stage);
    alert.setHeaderText("Usher could not open the ledger again");
    alert.showAndWait();
    Platform.exit();
  }

  static final String NO_DISPLAY =
      "No display: use usher serve to run without a window, or a command (usher help).";

  /**
   * On Linux and the BSDs a window needs an X11 or Wayland display; without one JavaFX fails deep
   * inside its start with an exception the owner cannot act on.
   */
  static void requireDisplay(Map<String, String> env, String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("win") || os.contains("mac")) {
      return;
    }
    if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
      throw new UsherException(NO_DISPLAY);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

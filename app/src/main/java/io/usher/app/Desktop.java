package io.usher.app;

import io.usher.domain.common.UsherException;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
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

  private Desktop() {}

  static void start(Path dataDir) {
    requireDisplay(System.getenv(), System.getProperty("os.name"));
    JAVAFX.setFilter(
        r ->
            r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    InstanceLock lock = InstanceLock.acquire(dataDir);
    AppContext context;
    try {
      context = new AppContext(dataDir, Clock.systemUTC());
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    ExecutorService background =
        Executors.newFixedThreadPool(
            2, Thread.ofPlatform().name("usher-ui-task").daemon().factory());
    Clock clock = Clock.systemUTC();
    OutboxWorker outbox = new OutboxWorker(context.outbox(), clock);
    outbox.start();
    Scheduler scheduler = new Scheduler(context.jobs());
    scheduler.start();
    var checkoutProblem = new java.util.concurrent.atomic.AtomicReference<String>();
    var checkout = CheckoutServer.startFor(context, clock, checkoutProblem::set);
    String theme = context.settings().value("ui.theme");
    UiTasks tasks = new UiTasks(background, Platform::runLater);
    Runnable stopAll =
        () -> {
          background.shutdownNow();
          checkout.ifPresent(CheckoutServer::close);
          scheduler.close();
          outbox.close();
          context.close();
          lock.close();
        };
    try {
      Platform.startup(() -> show(context, tasks, theme, checkoutProblem.get(), stopAll));
    } catch (RuntimeException noToolkit) {
      // JavaFX found no screen it can use (a display variable that leads nowhere).
      stopAll.run();
      throw new UsherException(NO_DISPLAY, noToolkit);
    }
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

  private static void show(
      AppContext context, UiTasks tasks, String theme, String checkoutProblem, Runnable stopAll) {
    Stage stage = new Stage();
    stage.setOnHidden(
        e -> {
          stopAll.run();
          Platform.exit();
        });
    MainWindow window = new MainWindow(context, tasks, new Formats(ZoneId.systemDefault()), theme);
    window.show(stage);
    window.problem(checkoutProblem);
  }
}

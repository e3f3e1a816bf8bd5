package io.usher.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.payments.ManualPayment;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.media.ServerKind;
import io.usher.domain.money.Money;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.FakePaymentProvider;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Theme;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.shell.MainWindow;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Cell;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every screen and every dialog, at the smallest supported window and two larger ones, in light and
 * dark: no label, button, column header or short cell shows an ellipsis, and no control lies
 * outside the window. A screenshot of each is saved under target/screens for review.
 *
 * <p>Table cells longer than {@link #FREE_TEXT} characters (notes, descriptions) may be cut: those
 * are free text the owner reads in full in the detail panel. Dates, amounts, statuses and names may
 * not.
 */
@ExtendWith(ApplicationExtension.class)
class NothingCutOffTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final int FREE_TEXT = 40;
  static final Path SHOTS = Path.of("target", "screens");
  static final List<String> SCREENS =
      List.of(
          "dashboard",
          "users",
          "payments",
          "unmatched",
          "plans",
          "discounts",
          "servers",
          "email",
          "discord",
          "jobs",
          "activity",
          "sharing",
          "settings");
  static final int[][] SIZES = {{1024, 700}, {1280, 800}, {1400, 900}};

  @TempDir static Path dataDir;
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;
  Stage stage;
  final List<String> problems = new ArrayList<>();

  @Start
  void start(Stage stage) {
    this.stage = stage;
    MutableClock clock = new MutableClock(NOW.minus(Duration.ofDays(120)));
    usher =
        new AppContext(
            dataDir.resolve("t" + System.nanoTime()),
            clock,
            settings -> media,
            settings -> new FakePaymentProvider());
    seed(clock);
    new MainWindow(
            usher,
            new UiTasks(Runnable::run, Runnable::run),
            new Formats(ZoneOffset.UTC, java.time.Clock.systemUTC()),
            "light",
            file -> {})
        .browser(url -> true)
        .show(stage);
  }

  /** A small business four months in: plans, a server, 30 customers, payments, open problems. */
  private void seed(MutableClock clock) {
    Fixtures.monthly(usher, "Monthly", "12.50");
    Fixtures.monthly(usher, "Premium 4K with downloads", "24.99");
    media.server("http://den:8096").library("f1", "Movies").library("f2", "TV Shows");
    for (int i = 0; i < 6; i++) {
      media
          .server("http://den:8096")
          .user(
              new RemoteUser(
                  "u" + i, "viewer" + i, null, null, List.of("f1"), false, false, null, null));
    }
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    media.server("http://loft:8096").library("l1", "Films");
    usher.servers().addMediaBrowser(ServerKind.EMBY, "Loft", "http://loft:8096", "k");
    Fixtures.everyLibraryIn(usher, "Standard");
    usher.sync().run(null, io.usher.application.sync.SyncProgress.NONE);
    for (int i = 0; i < 30; i++) {
      String email = "customer" + i + "@example.com";
      usher
          .users()
          .create(
              new UserSpec(
                  email,
                  i % 3 == 0 ? "Customer Number " + i : null,
                  false,
                  false,
                  null,
                  null,
                  null,
                  i % 5 == 0 ? "Pays by PayPal on the first of each month." : null));
      if (i % 7 != 0) {
        usher
            .payments()
            .record(ManualPayment.of(email, i % 4 == 0 ? "Premium 4K with downloads" : "Monthly"));
      }
      clock.advance(Duration.ofDays(3));
    }
    clock.set(NOW);
    // viewer0 watches on two screens from two networks at once: the Sharing screen's one row.
    media.server("http://den:8096").stream(
        new io.usher.domain.media.ActiveStream(
            "s1",
            "u0",
            "viewer0",
            "Living room TV",
            "198.51.100.7",
            "directplay",
            "1080",
            "Heat",
            false))
        .stream(
            new io.usher.domain.media.ActiveStream(
                "s2",
                "u0",
                "viewer0",
                "iPhone",
                "203.0.113.9",
                "directplay",
                "1080",
                "Heat",
                false));
    usher.jobs().run("enforce", false);
    usher
        .webhooks()
        .apply(
            new PaymentEvent(
                "evt_x",
                PaymentEvent.Kind.PAID,
                "pi_stranger",
                null,
                "stranger@payer.example",
                null,
                new Money(1250, Money.currency("USD")),
                NOW));
    usher
        .discounts()
        .create(
            new io.usher.domain.discounts.DiscountSpec("WINTER25", 25, null, null, 50, null, true));
    usher.jobs().run("expire", true);
    usher.backups().create(null);
  }

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void noScreenOrDialogCutsTextOffOrPutsAControlOutsideTheWindowInLight(FxRobot robot) {
    sweep(robot, Theme.LIGHT);
  }

  @Test
  void noScreenOrDialogCutsTextOffOrPutsAControlOutsideTheWindowInDark(FxRobot robot) {
    sweep(robot, Theme.DARK);
  }

  private void sweep(FxRobot robot, String theme) {
    robot.interact(() -> Theme.apply(theme));
    for (int[] size : SIZES) {
      robot.interact(
          () -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
          });
      String at = theme + "-" + size[0] + "x" + size[1];
      for (String screen : SCREENS) {
        robot.clickOn("#nav-" + screen);
        if (screen.equals("settings")) {
          for (String tab :
              List.of("checkout", "payments", "expiry", "media", "backups", "advanced")) {
            SettingsScreenTest.tab(robot, tab);
            check(robot, stage.getScene(), at + "-settings-" + tab);
          }
        } else {
          check(robot, stage.getScene(), at + "-" + screen);
        }
      }
      if (size[0] == 1024) {
        dialogs(robot, at);
      }
    }
    assertThat(problems).as("text cut off or controls outside the window").isEmpty();
  }

  /** Each dialog as it opens and after a refused OK, at the smallest window. */
  private void dialogs(FxRobot robot, String at) {
    dialog(robot, at, "users", null, "users-add");
    dialog(robot, at, "users", null, "users-invite");
    dialog(robot, at, "users", "#users-table", "user-edit");
    dialog(robot, at, "users", "#users-table", "user-add-payment");
    dialog(robot, at, "users", "#users-table", "user-more>user-change-plan");
    dialog(robot, at, "users", "#users-table", "user-more>user-change-account");
    dialog(robot, at, "users", "#users-table", "user-more>user-link");
    dialog(robot, at, "users", "#users-table", "user-more>user-unlink");
    dialog(robot, at, "users", null, "users-bulk");
    dialog(robot, at, "users", "#users-table", "users-selected>users-extend");
    dialog(robot, at, "users", "#users-table", "users-selected>users-remind");
    dialog(robot, at, "users", "#users-table", "users-selected>users-remove-access");
    dialog(robot, at, "users", "#users-table", "users-selected>users-delete");
    dialog(robot, at, "payments", null, "payments-add");
    dialog(robot, at, "payments", "#payments-table", "payments-edit");
    dialog(robot, at, "unmatched", "#unmatched-table", "unmatched-assign");
    dialog(robot, at, "plans", null, "plans-add");
    dialog(robot, at, "plans", "#plans-table", "plans-edit");
    dialog(robot, at, "discounts", null, "discounts-add");
    dialog(robot, at, "discounts", "#discounts-table", "discounts-edit");
    dialog(robot, at, "servers", "#servers-table", "servers-edit");
    dialog(robot, at, "servers", "#servers-table", "servers-move");
    for (String kind : List.of("plex", "jellyfin", "emby")) {
      robot.clickOn("#nav-servers").clickOn("#servers-add").clickOn("#servers-add-" + kind);
      inspectDialog(robot, at + "-dialog-servers-add-" + kind);
    }
    dialog(robot, at, "jobs", null, "jobs-expiry-preview");
    robot.clickOn("#nav-settings").clickOn("#settings-guide");
    for (int step = 1; step <= 6; step++) {
      Window guide =
          robot.listTargetWindows().stream()
              .filter(w -> w != stage && w.isShowing() && w.getScene() != null)
              .reduce((a, b) -> b)
              .orElseThrow();
      check(robot, guide.getScene(), at + "-dialog-setup-guide-" + step);
      robot.clickOn("#guide-skip");
    }
    SettingsScreenTest.tab(robot, "backups");
    TableView<?> backups = robot.lookup("#backups-table").queryAs(TableView.class);
    robot.interact(() -> backups.getSelectionModel().select(0));
    robot.clickOn("#backup-restore");
    inspectDialog(robot, at + "-dialog-backup-restore");
  }

  private void dialog(FxRobot robot, String at, String screen, String table, String button) {
    robot.clickOn("#nav-" + screen);
    if (table != null) {
      TableView<?> rows = robot.lookup(table).queryAs(TableView.class);
      robot.interact(() -> rows.getSelectionModel().select(0));
    }
    // "menu>item": the dialog is opened from a menu's item.
    String[] path = button.split(">");
    Node opener = robot.lookup("#" + path[0]).query();
    if (!opener.isVisible() || opener.isDisabled()) {
      problems.add(at + ": " + path[0] + " cannot be opened (hidden or disabled)");
      return;
    }
    robot.clickOn(opener);
    if (path.length > 1) {
      robot.clickOn("#" + path[1]);
    }
    inspectDialog(robot, at + "-dialog-" + path[path.length - 1]);
  }

  private void inspectDialog(FxRobot robot, String name) {
    Window dialog =
        robot.listTargetWindows().stream()
            .filter(w -> w != stage && w.isShowing() && w.getScene() != null)
            .reduce((a, b) -> b)
            .orElse(null);
    if (dialog == null) {
      problems.add(name + ": no dialog opened");
      return;
    }
    check(robot, dialog.getScene(), name);
    robot
        .lookup("#dialog-ok")
        .tryQuery()
        .filter(n -> dialog.getScene().getRoot().lookup("#dialog-ok") == n)
        .ifPresent(
            ok -> {
              robot.clickOn(ok);
              if (dialog.isShowing()) {
                check(robot, dialog.getScene(), name + "-refused");
              }
            });
    if (dialog.isShowing()) {
      Node cancel = cancelButton(dialog.getScene().getRoot());
      robot.interact(
          () -> {
            if (cancel instanceof Button b) {
              b.fire();
            }
            if (dialog.isShowing() && dialog instanceof Stage s) {
              s.close();
            }
          });
    }
  }

  private static Node cancelButton(Parent root) {
    if (root instanceof DialogPane pane) {
      return pane.getButtonTypes().stream()
          .filter(t -> t.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE)
          .map(pane::lookupButton)
          .findFirst()
          .orElse(null);
    }
    return root.lookupAll(".button").stream()
        .filter(n -> n instanceof Button b && b.isCancelButton())
        .findFirst()
        .orElse(null);
  }

  private void check(FxRobot robot, Scene scene, String name) {
    robot.interact(
        () -> {
          scene.getRoot().applyCss();
          scene.getRoot().layout();
        });
    if (scene.getWindow() != stage
        && (scene.getHeight() > stage.getHeight() || scene.getWidth() > stage.getWidth())) {
      problems.add(
          name
              + ": the dialog ("
              + (int) scene.getWidth()
              + "x"
              + (int) scene.getHeight()
              + ") is larger than the window");
    }
    robot.interact(
        () -> {
          inspect(scene.getRoot(), scene, name, false);
          save(scene.snapshot(null), name);
        });
  }

  private void inspect(Node node, Scene scene, String name, boolean scrolls) {
    if (!node.isVisible()) {
      return;
    }
    if (node instanceof Labeled labeled) {
      String cut = cut(labeled);
      if (cut != null) {
        problems.add(name + ": '" + labeled.getText() + "' shows as '" + cut + "'");
      }
    }
    if (!scrolls && node instanceof Control) {
      Bounds b = node.localToScene(node.getBoundsInLocal());
      if (b.getMinX() < -1
          || b.getMinY() < -1
          || b.getMaxX() > scene.getWidth() + 1
          || b.getMaxY() > scene.getHeight() + 1) {
        problems.add(name + ": " + describe(node) + " lies outside the window at " + b);
      }
    }
    if (node instanceof Parent parent) {
      boolean inside =
          scrolls
              || node instanceof ScrollPane
              || node instanceof TableView<?>
              || node instanceof javafx.scene.control.ListView<?>;
      for (Node child : parent.getChildrenUnmodifiable()) {
        inspect(child, scene, name, inside);
      }
    }
  }

  /** The text as shown when the control had to shorten it; null when it shows in full. */
  private static String cut(Labeled labeled) {
    String text = labeled.getText();
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (labeled instanceof Cell<?> && text.length() > FREE_TEXT) {
      return null;
    }
    for (Node child : labeled.getChildrenUnmodifiable()) {
      if (child instanceof Text shown && child.isVisible()) {
        String s = shown.getText();
        if (!s.equals(text) && (s.endsWith("…") || s.endsWith("..."))) {
          return s;
        }
      }
    }
    return null;
  }

  private static String describe(Node node) {
    String text = node instanceof Labeled l ? " '" + l.getText() + "'" : "";
    return node.getClass().getSimpleName()
        + (node.getId() == null ? "" : "#" + node.getId())
        + text;
  }

  static void save(WritableImage image, String name) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    try {
      Files.createDirectories(SHOTS);
      ImageIO.write(out, "png", SHOTS.resolve(name.toLowerCase(Locale.ROOT) + ".png").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

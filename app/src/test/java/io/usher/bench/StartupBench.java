package io.usher.bench;

import io.usher.app.AppContext;
import io.usher.app.Database;
import io.usher.domain.users.UserSpec;
import io.usher.store.JooqUserStore;
import io.usher.testing.Fixtures;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: how long whole processes of the built jar take, from outside, medians of 5: {@code
 * --version}, {@code plan list} (5 plans), {@code users} with 10,000 users, {@code serve} to its
 * first {@code /health} 200 and the window to its first painted frame (under X), each with plain
 * {@code java -jar} and with the AOT cache the build trained, beside {@code java -version} as the
 * floor; then the same through the app-image's launcher when {@code ./mvnw -Pjpackage verify} has
 * made one. Uses {@code app/target/usher.jar} from the last {@code ./mvnw package} (the bench runs
 * before this build packages). Printed, not asserted.
 */
class StartupBench {
  static final int RUNS = 5;
  static final Path TARGET = Path.of(System.getProperty("user.dir"), "target");
  static final Path JAR = TARGET.resolve("usher.jar");
  static final Path AOT = TARGET.resolve("usher.aot");
  static final Path WINDOW_AOT = TARGET.resolve("usher-window.aot");
  static final Path INSTALLED = TARGET.resolve("jpackage/usher/bin/usher");

  /**
   * What the installed launcher gives a one-shot command (every command but serve): the cache, C1
   * alone (C2's compiler threads would compete with a run of half a second for two cores) and the
   * serial collector (nothing to collect concurrently in so short a life).
   */
  static final List<String> ONE_SHOT =
      List.of("-XX:AOTCache=" + AOT, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  @TempDir Path dirs;

  @Test
  void wholeProcessesOfTheBuiltJar() throws Exception {
    if (!Files.exists(JAR) || !Files.exists(AOT)) {
      System.out.println("BENCH startup: no " + JAR + " or " + AOT + "; run ./mvnw package first");
      return;
    }
    Path plans = dirs.resolve("plans");
    Path many = dirs.resolve("users");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (AppContext usher = new AppContext(plans, Clock.systemUTC())) {
      for (int i = 1; i <= 5; i++) {
        Fixtures.monthly(usher, "Plan " + i, i + "0");
      }
      usher.settings().set("checkout.port", Integer.toString(port));
    }
    try (AppContext usher = new AppContext(many, Clock.systemUTC())) {
      Fixtures.monthly(usher, "Monthly", "10");
    }
    try (Database db = Database.open(many)) {
      List<UserSpec> users = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        users.add(UserSpec.withEmail("user" + i + "@example.com"));
      }
      new JooqUserStore(db.dsl(), Clock.systemUTC()).insertAll(users);
    }
    median("java -version (the floor)", java(List.of("-version")));
    // The launcher's one-shot options beside the cache alone, side by side in one run.
    commands(ONE_SHOT, " [AOT cache, one-shot]", plans, many);
    for (boolean aot : new boolean[] {false, true}) {
      String how = aot ? " [AOT cache]" : " [java -jar]";
      commands(aot ? List.of("-XX:AOTCache=" + AOT) : List.of(), how, plans, many);
      serve(
          java(usher(aot, "--data-dir", plans.toString(), "serve")),
          port,
          "usher serve to the first /health 200" + how);
      List<String> window = new ArrayList<>(usher(false, "--data-dir", plans.toString()));
      if (aot) {
        window.addFirst("-XX:AOTCache=" + WINDOW_AOT);
      }
      window(java(window), "window" + how.replace("cache", "cache for the window"));
    }
    if (!Files.isExecutable(INSTALLED)) {
      System.out.println("BENCH installed: no app-image; ./mvnw -Pjpackage verify -DskipTests");
      return;
    }
    String how = " [installed app-image]";
    median("usher --version" + how, installed("--version"));
    median(
        "usher plan list, 5 plans" + how,
        installed("--data-dir", plans.toString(), "plan", "list"));
    median("usher users, 10,000 users" + how, installed("--data-dir", many.toString(), "users"));
    serve(
        installed("--data-dir", plans.toString(), "serve"),
        port,
        "usher serve to the first /health 200" + how);
    window(installed("--data-dir", plans.toString()), "window" + how);
  }

  /** The three one-shot commands with the given JVM options. */
  private static void commands(List<String> jvmOptions, String how, Path plans, Path many)
      throws Exception {
    median("usher --version" + how, java(usher(jvmOptions, "--version")));
    median(
        "usher plan list, 5 plans" + how,
        java(usher(jvmOptions, "--data-dir", plans.toString(), "plan", "list")));
    median(
        "usher users, 10,000 users" + how,
        java(usher(jvmOptions, "--data-dir", many.toString(), "users")));
  }

  /** The app-image's own launcher, which carries its own cache (jpackage/aot-train.sh). */
  private static List<String> installed(String... args) {
    List<String> command = new ArrayList<>(List.of(INSTALLED.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * The window under X (Xvfb in CI-like boxes): launch to mapped on screen (xdotool), then to its
   * first painted frame (its pixels, scaled down by ImageMagick's import, are no longer all one
   * colour). Skipped without DISPLAY, xdotool or import. Polling costs CPU on a 2-core box, so
   * these figures are upper bounds.
   */
  private static void window(List<String> command, String what) throws Exception {
    String display = System.getenv("DISPLAY");
    if (display == null || !onPath("xdotool") || !onPath("import")) {
      System.out.println("BENCH " + what + ": skipped (needs DISPLAY, xdotool and import)");
      return;
    }
    long[] mapped = new long[RUNS];
    long[] painted = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      Process p = process(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      try {
        String id = "";
        while (id.isEmpty()) {
          if (!p.isAlive()) {
            throw new IllegalStateException(what + " ended: exit " + p.exitValue());
          }
          id = run("xdotool", "search", "--onlyvisible", "--pid", Long.toString(p.pid())).strip();
        }
        mapped[i] = System.nanoTime() - start;
        String wid = id.lines().findFirst().orElseThrow();
        // A window not painted yet is one colour; the first frame has more.
        while (colours(wid) < 2 && System.nanoTime() - start < 30_000_000_000L) {
          Thread.onSpinWait();
        }
        painted[i] = System.nanoTime() - start;
      } finally {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor();
        }
      }
    }
    print(what + ": on screen", mapped);
    print(what + ": first frame painted", painted);
  }

  /** How many colours the window has, scaled down to 16×16 (0 when it cannot be read). */
  private static int colours(String window) throws Exception {
    String count =
        run("import", "-silent", "-window", window, "-resize", "16x16!", "-format", "%k", "info:")
            .strip();
    return count.matches("\\d+") ? Integer.parseInt(count) : 0;
  }

  private static boolean onPath(String tool) {
    return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }

  private static List<String> usher(boolean aot, String... args) {
    return usher(aot ? List.of("-XX:AOTCache=" + AOT) : List.of(), args);
  }

  private static List<String> usher(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>(jvmOptions);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    return command;
  }

  private static void median(String what, List<String> command) throws Exception {
    long[] times = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      Process p = process(command).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      if (p.waitFor() != 0) {
        throw new IllegalStateException(what + " failed: exit " + p.exitValue());
      }
      times[i] = System.nanoTime() - start;
    }
    print(what, times);
  }

  private static void serve(List<String> command, int port, String what) throws Exception {
    long[] times = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      Process p = process(command).start();
      try {
        while (!healthy(port)) {
          if (!p.isAlive()) {
            throw new IllegalStateException(what + " ended: exit " + p.exitValue());
          }
          Thread.sleep(5);
        }
        times[i] = System.nanoTime() - start;
      } finally {
        p.destroy();
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
    print(what, times);
  }

  private static boolean healthy(int port) {
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + "/health").toURL().openConnection();
      c.setConnectTimeout(200);
      return c.getResponseCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** This JDK's java with the arguments given. */
  private static List<String> java(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(args);
    return command;
  }

  private static ProcessBuilder process(List<String> command) {
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  /** One row of a whole-process figure: the median of the runs, with their spread. */
  static void print(String what, long[] times) {
    long[] sorted = times.clone();
    java.util.Arrays.sort(sorted);
    int runs = sorted.length;
    System.out.printf(
        "BENCH %-55s median %8.1f ms   (min %.1f, max %.1f, %d runs)%n",
        what, sorted[runs / 2] / 1e6, sorted[0] / 1e6, sorted[runs - 1] / 1e6, runs);
  }
}

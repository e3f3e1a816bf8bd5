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
 * --version}, {@code plan list} (5 plans), {@code users} with 10,000 users and {@code serve} to its
 * first {@code /health} 200, each with plain {@code java -jar} and with the AOT cache the build
 * trained, beside {@code java -version} as the floor. Uses {@code app/target/usher.jar} from the
 * last {@code ./mvnw package} (the bench runs before this build packages). Printed, not asserted.
 */
class StartupBench {
  static final int RUNS = 5;
  static final Path TARGET = Path.of(System.getProperty("user.dir"), "target");
  static final Path JAR = TARGET.resolve("usher.jar");
  static final Path AOT = TARGET.resolve("usher.aot");

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
    median("java -version (the floor)", List.of("-version"));
    for (boolean aot : new boolean[] {false, true}) {
      String how = aot ? " [AOT cache]" : " [java -jar]";
      median("usher --version" + how, usher(aot, "--version"));
      median(
          "usher plan list, 5 plans" + how,
          usher(aot, "--data-dir", plans.toString(), "plan", "list"));
      median("usher users, 10,000 users" + how, usher(aot, "--data-dir", many.toString(), "users"));
      serve(aot, plans, port, "usher serve to the first /health 200" + how);
    }
  }

  private static List<String> usher(boolean aot, String... args) {
    List<String> command = new ArrayList<>();
    if (aot) {
      command.add("-XX:AOTCache=" + AOT);
    }
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    return command;
  }

  private static void median(String what, List<String> javaArgs) throws Exception {
    long[] times = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      Process p = java(javaArgs).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      if (p.waitFor() != 0) {
        throw new IllegalStateException(what + " failed: exit " + p.exitValue());
      }
      times[i] = System.nanoTime() - start;
    }
    print(what, times);
  }

  private void serve(boolean aot, Path dataDir, int port, String what) throws Exception {
    long[] times = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      Process p = java(usher(aot, "--data-dir", dataDir.toString(), "serve")).start();
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

  private static ProcessBuilder java(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  private static void print(String what, long[] times) {
    long[] sorted = times.clone();
    java.util.Arrays.sort(sorted);
    System.out.printf(
        "BENCH %-55s median %8.1f ms   (min %.1f, max %.1f, %d runs)%n",
        what, sorted[RUNS / 2] / 1e6, sorted[0] / 1e6, sorted[RUNS - 1] / 1e6, RUNS);
  }
}

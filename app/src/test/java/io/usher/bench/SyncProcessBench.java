package io.usher.bench;

import io.usher.app.AppContext;
import io.usher.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first sync of 5,000 Plex friends on 3 servers as an owner runs it, {@code usher sync} as a
 * whole process against a local plex.tv fake, beside its floor measured the same way ({@link
 * SyncFloor}: the same lists fetched, read with StAX and written in three batched inserts to a
 * fresh H2 file, cold JVM), and a second, unchanged sync beside the fetch alone (issue 14: within
 * 2× the floor; unchanged near the fetch). Medians of 5; uses {@code app/target/usher.jar} and its
 * cache from the last {@code ./mvnw package}. Printed, not asserted.
 */
class SyncProcessBench {
  static final int RUNS = 5;
  static final int FRIENDS = 5_000;

  @TempDir Path dirs;

  @Test
  void firstAndUnchangedSyncAsWholeProcessesBesideTheFloor() throws Exception {
    if (!Files.exists(StartupBench.JAR) || !Files.exists(StartupBench.AOT)) {
      System.out.println("BENCH sync: no built jar and cache; run ./mvnw package first");
      return;
    }
    try (MockWebServer web = new MockWebServer()) {
      web.setDispatcher(new SyncBench.PlexTvFake(web, FRIENDS));
      web.start();
      String base = web.url("/").toString().replaceAll("/$", "");
      Path template = dirs.resolve("template");
      try (AppContext usher = new AppContext(template, Clock.systemUTC())) {
        usher.settings().set("plex.tv-url", base);
        Fixtures.monthly(usher, "Monthly", "10");
        for (String m : SyncBench.MACHINES) {
          usher.servers().addPlex("bench-token", null, m, null, null);
        }
      }
      List<String> lists = new ArrayList<>();
      for (String m : SyncBench.MACHINES) {
        lists.add(base + "/api/servers/" + m + "/shared_servers");
      }

      long[] first = new long[RUNS];
      long[] firstOneShot = new long[RUNS];
      long[] againOneShot = new long[RUNS];
      long[] floorOneShot = new long[RUNS];
      long[] firstPlain = new long[RUNS];
      long[] floor = new long[RUNS];
      long[] again = new long[RUNS];
      long[] fetch = new long[RUNS];
      for (int i = 0; i < RUNS; i++) {
        Path synced = copy(template, dirs.resolve("sync" + i));
        first[i] = time(usher(true, synced));
        Path oneShot = copy(template, dirs.resolve("oneshot" + i));
        firstOneShot[i] = time(usher(StartupBench.ONE_SHOT, oneShot));
        againOneShot[i] = time(usher(StartupBench.ONE_SHOT, oneShot));
        firstPlain[i] = time(usher(false, copy(template, dirs.resolve("plain" + i))));
        floor[i] = time(floor("write", dirs.resolve("floor" + i), lists));
        List<String> c1Floor = new ArrayList<>(StartupBench.ONE_SHOT.subList(1, 3));
        c1Floor.addAll(floor("write", dirs.resolve("c1floor" + i), lists));
        floorOneShot[i] = time(c1Floor);
        again[i] = time(usher(true, dirs.resolve("sync0")));
        fetch[i] = time(floor("fetch", dirs.resolve("fetch" + i), lists));
      }
      StartupBench.print("sync: first, 5,000 friends x 3 servers [AOT cache]", first);
      StartupBench.print(
          "sync: first, 5,000 friends x 3 servers [AOT cache, one-shot]", firstOneShot);
      StartupBench.print("sync: first, 5,000 friends x 3 servers [java -jar]", firstPlain);
      StartupBench.print("floor: fetch + StAX + 3 batched inserts, cold JVM", floor);
      ratio("sync first [AOT cache] / floor", first, floor);
      StartupBench.print("sync: second, nothing changed [AOT cache]", again);
      StartupBench.print("floor: the fetch alone (3 lists, StAX), cold JVM", fetch);
      ratio("sync unchanged / fetch alone", again, fetch);
      ratio("sync first [AOT cache, one-shot] / floor", firstOneShot, floor);
      StartupBench.print("floor, with the one-shot JIT and GC options", floorOneShot);
      ratio("sync first [AOT cache, one-shot] / that floor", firstOneShot, floorOneShot);
      StartupBench.print("sync: second, nothing changed [AOT cache, one-shot]", againOneShot);
      ratio("sync unchanged [one-shot] / fetch alone", againOneShot, fetch);
    }
  }

  private static List<String> usher(boolean aot, Path dataDir) {
    return usher(aot ? List.of("-XX:AOTCache=" + StartupBench.AOT) : List.of(), dataDir);
  }

  private static List<String> usher(List<String> jvmOptions, Path dataDir) {
    List<String> command = new ArrayList<>(jvmOptions);
    command.addAll(
        List.of("-jar", StartupBench.JAR.toString(), "--data-dir", dataDir.toString(), "sync"));
    return command;
  }

  private static List<String> floor(String what, Path dir, List<String> lists) throws IOException {
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), SyncFloor.class.getName(), what));
    command.add(dir.toString());
    command.addAll(lists);
    return command;
  }

  private static long time(List<String> javaArgs) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaArgs);
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return System.nanoTime() - start;
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else if (!f.getFileName().toString().endsWith(".lock")) {
          Files.copy(f, target);
        }
      }
    }
    return to;
  }

  private static long median(long[] times) {
    long[] sorted = times.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void ratio(String what, long[] a, long[] b) {
    System.out.printf("BENCH %-55s        %8.2f x%n", what, (double) median(a) / median(b));
  }
}

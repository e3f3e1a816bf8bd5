package io.usher.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs Usher's launcher in a JVM of its own, on the tests' class path. */
public final class FreshJvm {
  private FreshJvm() {}

  /** {@code java … io.usher.app.Launcher ARGS}, for a ProcessBuilder. */
  public static List<String> usher(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.jooq.no-logo=true",
                "-cp",
                System.getProperty("java.class.path"),
                "io.usher.app.Launcher"));
    command.addAll(List.of(args));
    return command;
  }
}

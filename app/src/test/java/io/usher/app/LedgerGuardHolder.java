package io.usher.app;

import java.nio.file.Path;

/** A second process for {@link LedgerGuardTest}: holds the guard until its input closes. */
public final class LedgerGuardHolder {
  private LedgerGuardHolder() {}

  public static void main(String[] args) throws Exception {
    try (LedgerGuard guard = LedgerGuard.open(Path.of(args[0]))) {
      System.out.println("HELD");
      System.out.flush();
      System.in.read();
    }
  }
}

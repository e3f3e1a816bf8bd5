package io.usher.application;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits that a cancel cuts short: between Plex invites, between polls of a Plex sign-in. Tests pass
 * one that records the wait instead of sleeping.
 */
@FunctionalInterface
public interface Pause {
  /** Waits {@code duration}, or less once {@code cancelled} turns true. */
  void sleep(Duration duration, BooleanSupplier cancelled) throws InterruptedException;

  /** Sleeps in short slices so that a cancel does not wait out a 30-second pause. */
  Pause REAL =
      (duration, cancelled) -> {
        long left = duration.toMillis();
        while (left > 0 && !cancelled.getAsBoolean()) {
          long slice = Math.min(left, 200);
          Thread.sleep(slice);
          left -= slice;
        }
      };
}

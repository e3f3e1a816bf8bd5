package io.usher.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A value read again at most once a second: what every answer of the checkout page carries (its
 * form targets, the owner's branding, the trusted proxies) must not become a database read per
 * request. A clock set back counts as stale, so a value never sticks for longer than a second and
 * one read.
 *
 * <p>When the value goes stale, one caller reads it again while the others go on with the last one,
 * instead of every request in flight reading the database at the same instant: at 50 connections
 * that stampede, once a second, was most of the page's p99.
 */
public final class OncePerSecond<T> implements Supplier<T> {
  private record Read<T>(T value, Instant at) {}

  /** After how long a value is read again ahead of going stale. */
  static final long AHEAD_MILLIS = 500;

  private final Clock clock;
  private final Supplier<T> read;
  private final AtomicBoolean reading = new AtomicBoolean();
  private volatile Read<T> last;

  public OncePerSecond(Clock clock, Supplier<T> read) {
    this.clock = clock;
    this.read = read;
  }

  @Override
  public T get() {
    Read<T> known = last;
    Instant now = clock.instant();
    if (fresh(known, now)) {
      return known.value();
    }
    // A value older than ten seconds (nothing asked for a while) is read again by every caller
    // rather than handed out while someone else reads it.
    boolean replaceable =
        known != null && !now.isBefore(known.at()) && now.isBefore(known.at().plusSeconds(10));
    boolean mine = replaceable && reading.compareAndSet(false, true);
    if (replaceable && !mine) {
      return known.value();
    }
    try {
      known = new Read<>(read.get(), now);
      last = known;
      return known.value();
    } finally {
      if (mine) {
        reading.set(false);
      }
    }
  }

  /**
   * Whether half its second has passed since the value was read (or it never was): time for {@link
   * #refresh} to read it ahead, so a caller that may not wait ({@link #fresh}) keeps finding it.
   */
  public boolean due() {
    Read<T> known = last;
    Instant now = clock.instant();
    return known == null
        || now.isBefore(known.at())
        || !now.isBefore(known.at().plusMillis(AHEAD_MILLIS));
  }

  /** Reads the value again now, before it goes stale; nothing when another caller is reading it. */
  public void refresh() {
    if (!reading.compareAndSet(false, true)) {
      return;
    }
    try {
      Instant now = clock.instant();
      last = new Read<>(read.get(), now);
    } finally {
      reading.set(false);
    }
  }

  /**
   * The value last read counts as read now, for a caller that has found more cheaply that it cannot
   * have changed; nothing when it was never read or another caller is reading it.
   */
  public void keep() {
    if (!reading.compareAndSet(false, true)) {
      return;
    }
    try {
      Read<T> known = last;
      if (known != null) {
        last = new Read<>(known.value(), clock.instant());
      }
    } finally {
      reading.set(false);
    }
  }

  /**
   * The value if it was read less than a second ago, else empty; never reads. For a caller that
   * must not wait on the database (the checkout's network thread): on empty it goes the way that
   * may read.
   */
  public Optional<T> fresh() {
    Read<T> known = last;
    return fresh(known, clock.instant()) ? Optional.of(known.value()) : Optional.empty();
  }

  private static boolean fresh(Read<?> known, Instant now) {
    return known != null && !now.isBefore(known.at()) && now.isBefore(known.at().plusSeconds(1));
  }
}

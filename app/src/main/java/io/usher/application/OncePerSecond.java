package io.usher.application;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read again at most once a second: what every answer of the checkout page carries (its
 * form targets, the owner's branding, the trusted proxies) must not become a database read per
 * request. A clock set back counts as stale, so a value never sticks for longer than a second.
 */
public final class OncePerSecond<T> implements Supplier<T> {
  private record Read<T>(T value, Instant at) {}

  private final Clock clock;
  private final Supplier<T> read;
  private volatile Read<T> last;

  public OncePerSecond(Clock clock, Supplier<T> read) {
    this.clock = clock;
    this.read = read;
  }

  @Override
  public T get() {
    Read<T> known = last;
    Instant now = clock.instant();
    if (known == null || now.isBefore(known.at()) || !now.isBefore(known.at().plusSeconds(1))) {
      known = new Read<>(read.get(), now);
      last = known;
    }
    return known.value();
  }
}

package io.usher.domain.common;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use, once, even when threads ask at the same moment: the parts a command
 * may never touch (an HTTP client and its trust store) are not built for every command.
 */
public final class Lazy<T> implements Supplier<T> {
  private final Supplier<? extends T> make;
  private volatile T value;

  private Lazy(Supplier<? extends T> make) {
    this.make = make;
  }

  public static <T> Lazy<T> of(Supplier<? extends T> make) {
    return new Lazy<>(Objects.requireNonNull(make));
  }

  @Override
  public T get() {
    T made = value;
    if (made == null) {
      synchronized (this) {
        made = value;
        if (made == null) {
          made = Objects.requireNonNull(make.get());
          value = made;
        }
      }
    }
    return made;
  }
}

package io.usher.app;

import java.util.function.Supplier;

/**
 * A part of the wiring built the first time it is asked for, then kept: a command builds only what
 * it uses. Safe across threads (the window's loader, the jobs, the checkout); asking for a part
 * while it is being built on the same thread is a wiring cycle and says so.
 */
final class Lazy<T> implements Supplier<T> {
  private final Supplier<T> make;
  private volatile T value;
  private boolean building;

  private Lazy(Supplier<T> make) {
    this.make = make;
  }

  static <T> Lazy<T> of(Supplier<T> make) {
    return new Lazy<>(make);
  }

  @Override
  public T get() {
    T made = value;
    if (made != null) {
      return made;
    }
    synchronized (this) {
      if (value == null) {
        if (building) {
          throw new IllegalStateException("A wiring cycle: a part needs itself to be built");
        }
        building = true;
        try {
          value = make.get();
        } finally {
          building = false;
        }
      }
      return value;
    }
  }
}

package io.usher.domain.common;

import java.util.function.Supplier;

/** Runs a unit of work in one database transaction: all of it lands, or none of it. */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}

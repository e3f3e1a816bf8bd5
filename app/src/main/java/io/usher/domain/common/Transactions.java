package io.usher.domain.common;

import java.util.function.Supplier;

/** Runs a unit of work in one database transaction: all of it lands, or none of it. */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  /**
   * Runs {@code then} once the transaction the caller is in has committed (at once when it is in
   * none); not at all when it rolls back. For telling another thread of work it can only see after
   * the commit.
   */
  default void afterCommit(Runnable then) {
    then.run();
  }

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}

package io.usher.store;

import io.usher.domain.common.BusyException;
import io.usher.domain.common.Transactions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Transactions bound to the calling thread: the DSLContext is configured with jOOQ's
 * ThreadLocalTransactionProvider, so every repository call made inside {@code work} on this thread
 * joins the same transaction (nested calls become savepoints).
 */
public final class JooqTransactions implements Transactions {
  private final DSLContext dsl;

  /** This thread's open transaction: how deep it is nested, and what waits for its commit. */
  private static final class Open {
    int depth;
    final List<Runnable> afterCommit = new ArrayList<>();
  }

  private final ThreadLocal<Open> open = ThreadLocal.withInitial(Open::new);

  public JooqTransactions(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Open current = open.get();
    current.depth++;
    T result;
    try {
      result = dsl.transactionResult(work::get);
    } catch (RuntimeException | Error e) {
      if (--current.depth == 0) {
        current.afterCommit.clear();
      }
      if (e instanceof DataAccessException d && busy(d)) {
        throw new BusyException(e);
      }
      throw e;
    }
    if (--current.depth == 0) {
      List<Runnable> then = List.copyOf(current.afterCommit);
      current.afterCommit.clear();
      then.forEach(Runnable::run);
    }
    return result;
  }

  /**
   * H2's lock timeout (50200), deadlock (40001) and concurrent update (90131): the whole
   * transaction was rolled back and may be tried again.
   */
  private static boolean busy(DataAccessException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && (BUSY_CODES.contains(sql.getErrorCode())
              || (sql.getSQLState() != null && sql.getSQLState().startsWith("40")))) {
        return true;
      }
    }
    return false;
  }

  private static final Set<Integer> BUSY_CODES = Set.of(50200, 40001, 90131);

  @Override
  public void afterCommit(Runnable then) {
    Open current = open.get();
    if (current.depth == 0) {
      then.run();
    } else {
      current.afterCommit.add(then);
    }
  }
}

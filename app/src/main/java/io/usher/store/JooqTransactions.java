package io.usher.store;

import io.usher.domain.common.Transactions;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Transactions bound to the calling thread: the DSLContext is configured with jOOQ's
 * ThreadLocalTransactionProvider, so every repository call made inside {@code work} on this thread
 * joins the same transaction (nested calls become savepoints).
 */
public final class JooqTransactions implements Transactions {
  private final DSLContext dsl;

  public JooqTransactions(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return dsl.transactionResult(work::get);
  }
}

package io.usher.domain.ledger;

import io.usher.domain.money.Money;
import java.time.Instant;
import java.util.List;

/** Read side of the ledger: whole-table views computed by the database in one pass. */
public interface LedgerQueries {
  List<UserRow> users(Instant now);

  List<PaymentRow> payments(PaymentFilter filter);

  /**
   * A mark that changes whenever the ledger does, from any process: a payment, an audited edit, a
   * payment left unmatched, work done or queued, a job run. Cheap enough to ask every few seconds.
   */
  String changeMark();

  /**
   * A mark that changes whenever what the checkout page shows may have: an audited edit (a plan, a
   * server, a user), a payment, a user added, a setting written. One read of a few indexed maxima
   * and the settings, far cheaper than reading (and rendering) what the page shows; what it misses
   * (a change made with no audit line) the page picks up at its next full read.
   */
  String checkoutMark();

  /** The latest payments recorded, newest first. */
  List<PaymentRow> latestPayments(int limit);

  /** Counts as of now; "expiring soon" means active, standard, and ending before soonEnd. */
  StatusCounts counts(Instant now, Instant soonEnd);

  /** Sum of amounts per currency for the rows the filter selects. */
  List<Money> totals(PaymentFilter filter);

  /** The audit trail of one entity ("user", "plan", "payment"), oldest first. */
  List<AuditEntry> history(String entity, long entityId);
}

package io.usher.application.queries;

import io.usher.domain.ledger.AuditEntry;
import io.usher.domain.ledger.LedgerQueries;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.ledger.PaymentRow;
import io.usher.domain.ledger.StatusCounts;
import io.usher.domain.ledger.UserRow;
import io.usher.domain.ledger.UserStatus;
import io.usher.domain.money.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the owner reads: users with their status, the ledger, the dashboard's numbers. */
public final class LedgerQueryService {
  public static final Duration EXPIRING_SOON = Duration.ofDays(7);

  private final LedgerQueries queries;
  private final Clock clock;

  public LedgerQueryService(LedgerQueries queries, Clock clock) {
    this.queries = queries;
    this.clock = clock;
  }

  public List<UserRow> users() {
    return queries.users(clock.instant());
  }

  /**
   * @param status null for everyone
   */
  public List<UserRow> users(UserStatus status) {
    List<UserRow> all = users();
    return status == null ? all : all.stream().filter(u -> u.status() == status).toList();
  }

  public List<PaymentRow> payments(PaymentFilter filter) {
    return queries.payments(filter);
  }

  public List<Money> totals(PaymentFilter filter) {
    return queries.totals(filter);
  }

  /** Changes whenever the ledger does, from any process (see {@link LedgerQueries#changeMark}). */
  public String changeMark() {
    return queries.changeMark();
  }

  /** The latest payments recorded, newest first. */
  public List<PaymentRow> latestPayments(int limit) {
    return queries.latestPayments(limit);
  }

  public StatusCounts counts() {
    Instant now = clock.instant();
    return queries.counts(now, now.plus(EXPIRING_SOON));
  }

  public List<AuditEntry> history(String entity, long entityId) {
    return queries.history(entity, entityId);
  }

  public Instant now() {
    return clock.instant();
  }
}

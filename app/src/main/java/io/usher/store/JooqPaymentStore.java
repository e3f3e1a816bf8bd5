package io.usher.store;

import static io.usher.store.generated.Tables.PAYMENTS;

import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.ledger.PaymentSpec;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.ledger.Period;
import io.usher.domain.ledger.TxnRef;
import io.usher.domain.money.Money;
import io.usher.store.generated.tables.records.PaymentsRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

public final class JooqPaymentStore implements PaymentStore {
  private final DSLContext dsl;
  private final Clock clock;

  public JooqPaymentStore(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  @Override
  public Payment insert(PaymentSpec spec) {
    PaymentsRecord rec = dsl.newRecord(PAYMENTS);
    write(rec, spec);
    rec.setCreatedAt(clock.instant());
    Integrity.guard(
        "Transaction "
            + spec.ref().txnId()
            + " (sequence "
            + spec.ref().seq()
            + ") is already in the ledger.",
        rec::store);
    return new Payment(rec.getId(), spec);
  }

  @Override
  public void insertAll(List<PaymentSpec> specs) {
    if (specs.isEmpty()) {
      return;
    }
    java.time.OffsetDateTime now = clock.instant().atOffset(java.time.ZoneOffset.UTC);
    // Plain JDBC batch, as for shares: thousands of default payments in one sync.
    Integrity.guard(
        "One of these transactions is already in the ledger.",
        () -> {
          dsl.connection(
              c -> {
                try (java.sql.PreparedStatement insert =
                    c.prepareStatement(
                        "INSERT INTO payments (user_id, plan_id, amount_minor, currency, starts_at,"
                            + " ends_at, txn_id, seq, subscription_id, source, notes, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                  for (PaymentSpec s : specs) {
                    insert.setLong(1, s.userId());
                    insert.setLong(2, s.planId());
                    insert.setLong(3, s.amount().minor());
                    insert.setString(4, s.amount().currency().getCurrencyCode());
                    insert.setObject(5, s.period().start().atOffset(java.time.ZoneOffset.UTC));
                    insert.setObject(6, s.period().end().atOffset(java.time.ZoneOffset.UTC));
                    insert.setString(7, s.ref().txnId());
                    insert.setInt(8, s.ref().seq());
                    insert.setString(9, s.subscriptionId());
                    insert.setString(10, s.source().code());
                    insert.setString(11, s.notes());
                    insert.setObject(12, now);
                    insert.addBatch();
                  }
                  insert.executeBatch();
                }
              });
          return null;
        });
  }

  @Override
  public void update(Payment payment) {
    PaymentsRecord rec = dsl.fetchSingle(PAYMENTS, PAYMENTS.ID.eq(payment.id()));
    write(rec, payment.spec());
    rec.store();
  }

  @Override
  public Optional<Payment> byRef(TxnRef ref) {
    return dsl.selectFrom(PAYMENTS)
        .where(PAYMENTS.TXN_ID.eq(ref.txnId()).and(PAYMENTS.SEQ.eq(ref.seq())))
        .fetchOptional()
        .map(JooqPaymentStore::toPayment);
  }

  @Override
  public Set<TxnRef> existing(Collection<TxnRef> refs) {
    if (refs.isEmpty()) {
      return Set.of();
    }
    Set<TxnRef> wanted = new HashSet<>(refs);
    Set<String> ids = new HashSet<>();
    refs.forEach(r -> ids.add(r.txnId()));
    // One query by id (= ANY of one array parameter), the sequences matched here.
    Set<TxnRef> found = new HashSet<>();
    dsl.select(PAYMENTS.TXN_ID, PAYMENTS.SEQ)
        .from(PAYMENTS)
        .where(PAYMENTS.TXN_ID.eq(DSL.any(ids.toArray(String[]::new))))
        .forEach(
            r -> {
              TxnRef ref = new TxnRef(r.value1(), r.value2());
              if (wanted.contains(ref)) {
                found.add(ref);
              }
            });
    return found;
  }

  @Override
  public List<Payment> forUser(long userId) {
    return dsl.selectFrom(PAYMENTS)
        .where(PAYMENTS.USER_ID.eq(userId))
        .orderBy(PAYMENTS.STARTS_AT, PAYMENTS.ID)
        .fetch(JooqPaymentStore::toPayment);
  }

  @Override
  public List<Payment> bySubscription(String subscriptionId) {
    return dsl.selectFrom(PAYMENTS)
        .where(PAYMENTS.SUBSCRIPTION_ID.eq(subscriptionId))
        .orderBy(PAYMENTS.STARTS_AT, PAYMENTS.ID)
        .fetch(JooqPaymentStore::toPayment);
  }

  @Override
  public Set<String> subscriptionsEnding(Instant from, Instant to) {
    return new java.util.TreeSet<>(
        dsl.selectDistinct(PAYMENTS.SUBSCRIPTION_ID)
            .from(PAYMENTS)
            .where(PAYMENTS.SUBSCRIPTION_ID.isNotNull())
            .and(PAYMENTS.SEQ.eq(1))
            .and(PAYMENTS.ENDS_AT.gt(from))
            .and(PAYMENTS.ENDS_AT.le(to))
            .fetch(PAYMENTS.SUBSCRIPTION_ID));
  }

  private static void write(PaymentsRecord rec, PaymentSpec s) {
    rec.setUserId(s.userId());
    rec.setPlanId(s.planId());
    rec.setAmountMinor(s.amount().minor());
    rec.setCurrency(s.amount().currency().getCurrencyCode());
    rec.setStartsAt(s.period().start());
    rec.setEndsAt(s.period().end());
    rec.setTxnId(s.ref().txnId());
    rec.setSeq(s.ref().seq());
    rec.setSubscriptionId(s.subscriptionId());
    rec.setSource(s.source().code());
    rec.setNotes(s.notes());
  }

  static Payment toPayment(PaymentsRecord r) {
    return new Payment(
        r.getId(),
        new PaymentSpec(
            r.getUserId(),
            r.getPlanId(),
            new Money(r.getAmountMinor(), Currency.getInstance(r.getCurrency())),
            new Period(r.getStartsAt(), r.getEndsAt()),
            new TxnRef(r.getTxnId(), r.getSeq()),
            r.getSubscriptionId(),
            PaymentSource.fromCode(r.getSource()),
            r.getNotes()));
  }
}

package io.usher.store;

import static io.usher.store.generated.Tables.UNMATCHED_PAYMENTS;

import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.money.Money;
import io.usher.domain.payments.UnmatchedPayment;
import io.usher.domain.payments.UnmatchedStore;
import io.usher.store.generated.tables.records.UnmatchedPaymentsRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqUnmatchedStore implements UnmatchedStore {
  private final DSLContext dsl;
  private final Clock clock;

  public JooqUnmatchedStore(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  @Override
  public UnmatchedPayment insert(
      PaymentSource provider,
      String txn,
      String payerEmail,
      Money amount,
      Instant paidAt,
      String subscriptionId,
      String why) {
    UnmatchedPaymentsRecord rec = dsl.newRecord(UNMATCHED_PAYMENTS);
    rec.setProvider(provider.code());
    rec.setTxnId(txn);
    rec.setPayerEmail(payerEmail);
    if (amount != null) {
      rec.setAmountMinor(amount.minor());
      rec.setCurrency(amount.currency().getCurrencyCode());
    }
    rec.setPaidAt(paidAt);
    rec.setSubscriptionId(subscriptionId);
    rec.setWhy(
        why.length() > UnmatchedPayment.MAX_WHY ? why.substring(0, UnmatchedPayment.MAX_WHY) : why);
    rec.setStatus("waiting");
    rec.setReceivedAt(clock.instant());
    Integrity.guard(
        provider.code() + " transaction " + txn + " is already among the unmatched payments.",
        rec::store);
    return toUnmatched(rec);
  }

  @Override
  public Optional<UnmatchedPayment> byId(long id) {
    return dsl.selectFrom(UNMATCHED_PAYMENTS)
        .where(UNMATCHED_PAYMENTS.ID.eq(id))
        .fetchOptional(JooqUnmatchedStore::toUnmatched);
  }

  @Override
  public Optional<UnmatchedPayment> byTxn(PaymentSource provider, String txn) {
    return dsl.selectFrom(UNMATCHED_PAYMENTS)
        .where(UNMATCHED_PAYMENTS.PROVIDER.eq(provider.code()))
        .and(UNMATCHED_PAYMENTS.TXN_ID.eq(txn))
        .fetchOptional(JooqUnmatchedStore::toUnmatched);
  }

  @Override
  public List<UnmatchedPayment> waiting() {
    return dsl.selectFrom(UNMATCHED_PAYMENTS)
        .where(UNMATCHED_PAYMENTS.STATUS.eq("waiting"))
        .orderBy(UNMATCHED_PAYMENTS.RECEIVED_AT, UNMATCHED_PAYMENTS.ID)
        .fetch(JooqUnmatchedStore::toUnmatched);
  }

  @Override
  public int countWaiting() {
    return dsl.fetchCount(UNMATCHED_PAYMENTS, UNMATCHED_PAYMENTS.STATUS.eq("waiting"));
  }

  @Override
  public void assigned(long id, long paymentId, Instant at) {
    dsl.update(UNMATCHED_PAYMENTS)
        .set(UNMATCHED_PAYMENTS.STATUS, "assigned")
        .set(UNMATCHED_PAYMENTS.PAYMENT_ID, paymentId)
        .set(UNMATCHED_PAYMENTS.RESOLVED_AT, at)
        .where(UNMATCHED_PAYMENTS.ID.eq(id))
        .execute();
  }

  @Override
  public void dismissed(long id, String reason, Instant at) {
    dsl.update(UNMATCHED_PAYMENTS)
        .set(UNMATCHED_PAYMENTS.STATUS, "dismissed")
        .set(UNMATCHED_PAYMENTS.REASON, reason)
        .set(UNMATCHED_PAYMENTS.RESOLVED_AT, at)
        .where(UNMATCHED_PAYMENTS.ID.eq(id))
        .execute();
  }

  private static UnmatchedPayment toUnmatched(UnmatchedPaymentsRecord r) {
    return new UnmatchedPayment(
        r.getId(),
        PaymentSource.fromCode(r.getProvider()),
        r.getTxnId(),
        r.getPayerEmail(),
        r.getAmountMinor() == null
            ? null
            : new Money(r.getAmountMinor(), Money.currency(r.getCurrency())),
        r.getPaidAt(),
        r.getSubscriptionId(),
        r.getWhy(),
        UnmatchedPayment.Status.valueOf(r.getStatus().toUpperCase(Locale.ROOT)),
        r.getReason(),
        r.getPaymentId(),
        r.getReceivedAt(),
        r.getResolvedAt());
  }
}

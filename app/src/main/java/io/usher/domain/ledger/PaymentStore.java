package io.usher.domain.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public interface PaymentStore {
  /** Writes a row; a transaction id + sequence already in the ledger is a ConflictException. */
  Payment insert(PaymentSpec spec);

  /** Writes many rows in one batch (default payments of a first sync). */
  void insertAll(List<PaymentSpec> specs);

  void update(Payment payment);

  Optional<Payment> byRef(TxnRef ref);

  /** Which of these refs are already in the ledger, in one query (a CSV import's whole file). */
  Set<TxnRef> existing(Collection<TxnRef> refs);

  List<Payment> forUser(long userId);

  /** The payments of one provider subscription, oldest first. */
  List<Payment> bySubscription(String subscriptionId);

  /** The subscription ids of payers' payments (sequence 1) that end in (from, to]. */
  Set<String> subscriptionsEnding(java.time.Instant from, java.time.Instant to);
}

package io.usher.domain.ledger;

import java.util.List;
import java.util.Optional;

public interface PaymentStore {
  /** Writes a row; a transaction id + sequence already in the ledger is a ConflictException. */
  Payment insert(PaymentSpec spec);

  /** Writes many rows in one batch (default payments of a first sync). */
  void insertAll(List<PaymentSpec> specs);

  void update(Payment payment);

  Optional<Payment> byRef(TxnRef ref);

  List<Payment> forUser(long userId);
}

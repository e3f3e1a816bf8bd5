package io.usher.domain.payments;

import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The unmatched payments, waiting or resolved. */
public interface UnmatchedStore {
  /** A new waiting payment; the (provider, txn) pair is unique. */
  UnmatchedPayment insert(
      PaymentSource provider,
      String txn,
      String payerEmail,
      Money amount,
      Instant paidAt,
      String subscriptionId,
      String why);

  Optional<UnmatchedPayment> byId(long id);

  Optional<UnmatchedPayment> byTxn(PaymentSource provider, String txn);

  /** Those waiting for the owner, oldest first. */
  List<UnmatchedPayment> waiting();

  int countWaiting();

  void assigned(long id, long paymentId, Instant at);

  void dismissed(long id, String reason, Instant at);
}

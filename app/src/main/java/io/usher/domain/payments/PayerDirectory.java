package io.usher.domain.payments;

/** Reads what matching needs from the whole ledger at once. */
@FunctionalInterface
public interface PayerDirectory {
  PayerMatching.Snapshot snapshot();
}

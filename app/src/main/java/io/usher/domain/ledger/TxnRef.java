package io.usher.domain.ledger;

import io.usher.domain.common.Problems;

/**
 * The key that makes a payment land once: the provider's transaction id plus a sequence number (one
 * provider payment can be split across several users by sequence).
 */
public record TxnRef(String txnId, int seq) {
  public static final int MAX_LENGTH = 255;

  public TxnRef {
    txnId = txnId == null ? "" : txnId.strip();
    Problems problems = new Problems();
    if (txnId.isEmpty()) {
      problems.add("txn", "The transaction id cannot be empty.");
    } else if (txnId.length() > MAX_LENGTH) {
      problems.add(
          "txn", "The transaction id is too long (at most " + MAX_LENGTH + " characters).");
    }
    if (seq < 1) {
      problems.add("seq", "The sequence number starts at 1.");
    }
    problems.throwIfAny();
  }

  @Override
  public String toString() {
    return seq == 1 ? txnId : txnId + " #" + seq;
  }
}

package io.usher.domain.ledger;

/** A stored ledger row. */
public record Payment(long id, PaymentSpec spec) {

  public long userId() {
    return spec.userId();
  }

  public Period period() {
    return spec.period();
  }

  public TxnRef ref() {
    return spec.ref();
  }
}

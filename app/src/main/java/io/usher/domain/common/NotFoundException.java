package io.usher.domain.common;

/** A named thing (user, plan, payment) that the ledger does not hold. */
public final class NotFoundException extends UsherException {
  public NotFoundException(String message) {
    super(message);
  }
}

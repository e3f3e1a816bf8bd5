package io.usher.domain.common;

/** A request that clashes with what the ledger already holds (a duplicate, a second default). */
public final class ConflictException extends UsherException {
  public ConflictException(String message) {
    super(message);
  }
}

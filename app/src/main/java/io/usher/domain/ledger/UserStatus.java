package io.usher.domain.ledger;

import java.util.Locale;

/** Derived from the ledger on every read, never stored. */
public enum UserStatus {
  ACTIVE,
  EXPIRED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}

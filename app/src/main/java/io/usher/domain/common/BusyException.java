package io.usher.domain.common;

/**
 * The database could not make a change now because another change held what it needed (a lock that
 * timed out, a deadlock): nothing of it landed, and the same change may well succeed when tried
 * again.
 */
public final class BusyException extends UsherException {
  public BusyException(Throwable cause) {
    super("The database was busy with another change; please try again in a moment.", cause);
  }
}

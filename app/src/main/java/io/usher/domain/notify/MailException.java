package io.usher.domain.notify;

import io.usher.domain.common.UsherException;

/** A mail that could not be sent, with the one sentence that tells the owner what to fix. */
public final class MailException extends UsherException {
  public MailException(String message) {
    super(message);
  }

  public MailException(String message, Throwable cause) {
    super(message, cause);
  }
}

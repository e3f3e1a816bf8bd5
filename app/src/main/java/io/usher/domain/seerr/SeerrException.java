package io.usher.domain.seerr;

import io.usher.domain.common.ServiceException;

/** Seerr refused or failed; the message is one sentence for the owner, never the API key. */
public final class SeerrException extends ServiceException {
  public SeerrException(String message, boolean passing) {
    super(message, passing);
  }

  public SeerrException(String message, boolean passing, Throwable cause) {
    super(message, passing, cause);
  }
}

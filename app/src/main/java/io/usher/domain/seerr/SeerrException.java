package io.usher.domain.seerr;

import io.usher.domain.common.UsherException;

/** Seerr refused or failed; the message is one sentence for the owner, never the API key. */
public final class SeerrException extends UsherException {
  private final boolean passing;

  public SeerrException(String message, boolean passing) {
    super(message);
    this.passing = passing;
  }

  public SeerrException(String message, boolean passing, Throwable cause) {
    super(message, cause);
    this.passing = passing;
  }

  /** Worth retrying later (an outage); false when the owner must change something. */
  public boolean passing() {
    return passing;
  }
}

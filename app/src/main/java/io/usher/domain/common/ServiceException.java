package io.usher.domain.common;

/**
 * An outside service (a media server or plex.tv, Discord, Seerr) refused or failed; the message is
 * one sentence for the owner, never a key or token.
 */
public class ServiceException extends UsherException {
  private final boolean passing;

  public ServiceException(String message, boolean passing) {
    super(message);
    this.passing = passing;
  }

  public ServiceException(String message, boolean passing, Throwable cause) {
    super(message, cause);
    this.passing = passing;
  }

  /** Worth retrying later (rate limit, outage); false when the owner must change something. */
  public boolean passing() {
    return passing;
  }
}

package io.usher.domain.notify;

import io.usher.domain.common.UsherException;

/** Discord refused or failed; the message is one sentence for the owner, never the token. */
public final class DiscordException extends UsherException {
  private final boolean passing;

  public DiscordException(String message, boolean passing) {
    super(message);
    this.passing = passing;
  }

  public DiscordException(String message, boolean passing, Throwable cause) {
    super(message, cause);
    this.passing = passing;
  }

  /** Worth retrying later (rate limit, outage); false when the owner must change something. */
  public boolean passing() {
    return passing;
  }
}

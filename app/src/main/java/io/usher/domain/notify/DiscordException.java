package io.usher.domain.notify;

import io.usher.domain.common.ServiceException;

/** Discord refused or failed; the message is one sentence for the owner, never the token. */
public final class DiscordException extends ServiceException {
  public DiscordException(String message, boolean passing) {
    super(message, passing);
  }

  public DiscordException(String message, boolean passing, Throwable cause) {
    super(message, passing, cause);
  }
}

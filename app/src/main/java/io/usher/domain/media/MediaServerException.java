package io.usher.domain.media;

import io.usher.domain.common.ServiceException;

/** A media server (or plex.tv) refused or failed; the message is one sentence for the owner. */
public final class MediaServerException extends ServiceException {
  /** What went wrong, so callers can decide to retry, skip or stop. */
  public enum Kind {
    /** Wrong token or API key (401, or Plex's 422 "Invalid token"). */
    UNAUTHORIZED(false),
    /** The person already has a share on this server (Plex 422, or 400 "already sharing"). */
    ALREADY_SHARED(false),
    /** The server cannot take more users (Plex's share limit). */
    SERVER_FULL(false),
    /** The email or name is not an account the server accepts (or is taken). */
    INVALID_ACCOUNT(false),
    /** The endpoint was retired (410): Usher needs an update. */
    RETIRED_ENDPOINT(false),
    /** Stopping streams needs Plex Pass on the owner's account. */
    FEATURE_UNAVAILABLE(false),
    /** What was asked for does not exist on the server (404). */
    NOT_FOUND(false),
    /** Too many requests (429), even after backing off. */
    RATE_LIMITED(true),
    /** No answer: wrong address, server offline, timeout, or a 5xx. */
    UNREACHABLE(true),
    /** An answer Usher cannot read (malformed XML/JSON, missing fields). */
    UNEXPECTED_RESPONSE(false),
    /** Any other refusal (4xx). */
    REFUSED(false);

    private final boolean passing;

    Kind(boolean passing) {
      this.passing = passing;
    }

    /** Worth retrying later: the same request may succeed. */
    public boolean passing() {
      return passing;
    }
  }

  private final Kind kind;

  public MediaServerException(Kind kind, String message) {
    super(message, kind.passing());
    this.kind = kind;
  }

  public MediaServerException(Kind kind, String message, Throwable cause) {
    super(message, kind.passing(), cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}

package io.usher.http;

import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;

/** The statuses every service means the same way; adapters check their own cases first. */
public final class Replies {
  private Replies() {}

  /** Throws the owner's sentence for a failed reply; returns the reply when it is 2xx. */
  public static HttpReply requireOk(HttpReply reply, String who, String doing) {
    if (reply.ok()) {
      return reply;
    }
    throw failure(reply, who, doing);
  }

  public static MediaServerException failure(HttpReply reply, String who, String doing) {
    int code = reply.code();
    return switch (code) {
      case 401, 403 ->
          new MediaServerException(
              Kind.UNAUTHORIZED,
              who
                  + " refused the "
                  + (code == 401 ? "token or API key" : "request")
                  + " while "
                  + doing
                  + ": check the credential in the server's settings.");
      case 404 ->
          new MediaServerException(
              Kind.NOT_FOUND, who + " does not know what Usher asked for while " + doing + ".");
      case 410 ->
          new MediaServerException(
              Kind.RETIRED_ENDPOINT,
              who + " retired the API Usher uses for " + doing + ": update Usher.");
      default ->
          code >= 500
              ? new MediaServerException(
                  Kind.UNREACHABLE,
                  who + " failed (HTTP " + code + ") while " + doing + "; try again later.")
              : new MediaServerException(
                  Kind.REFUSED, who + " refused " + doing + " (HTTP " + code + ").");
    };
  }

  public static MediaServerException unreadable(String who, String doing, Throwable cause) {
    return new MediaServerException(
        Kind.UNEXPECTED_RESPONSE,
        who + " sent an answer Usher cannot read while " + doing + "; the details are in the log.",
        cause);
  }
}

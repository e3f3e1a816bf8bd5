package io.usher.domain.common;

/**
 * A refusal or failure whose message is one sentence an owner can act on. Fronts show the message
 * as it is; anything that is not an UsherException is a bug and is logged, not shown.
 */
public class UsherException extends RuntimeException {
  public UsherException(String message) {
    super(message);
  }

  public UsherException(String message, Throwable cause) {
    super(message, cause);
  }
}

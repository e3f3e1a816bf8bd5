package io.usher.application.accounts;

import io.usher.domain.common.UsherException;

/** The sign-in link of a request has expired, was never issued, or was tampered with. */
public final class LinkExpiredException extends UsherException {
  public LinkExpiredException() {
    super("This sign-in link has expired or is not valid.");
  }
}

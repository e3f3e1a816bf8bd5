package io.usher.domain.accounts;

import java.time.Instant;

/**
 * A sign-in link to the customer account page, as stored: the token itself is never kept, only its
 * hash.
 *
 * @param tokenHash the SHA-256 of the token, in lower-case hex
 * @param email the address the link was mailed to
 * @param expires the link works while now is before this instant
 */
public record AccountLink(
    long id, String tokenHash, long userId, String email, Instant created, Instant expires) {

  public boolean validAt(Instant now) {
    return now.isBefore(expires);
  }
}

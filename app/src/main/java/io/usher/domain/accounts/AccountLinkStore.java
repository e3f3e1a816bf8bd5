package io.usher.domain.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The sign-in links customers asked for; joins the caller's transaction. */
public interface AccountLinkStore {
  AccountLink insert(String tokenHash, long userId, String email, Instant created, Instant expires);

  Optional<AccountLink> byHash(String tokenHash);

  /** One user's links, newest first. */
  List<AccountLink> forUser(long userId);

  void delete(List<Long> ids);

  /**
   * Forgets every link that no longer works.
   *
   * @return how many were removed
   */
  int deleteExpired(Instant now);
}

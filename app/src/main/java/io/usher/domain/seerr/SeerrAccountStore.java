package io.usher.domain.seerr;

import java.util.Map;
import java.util.Optional;

/** The Seerr accounts Usher made, by user id. */
public interface SeerrAccountStore {
  Map<Long, SeerrAccount> all();

  Optional<SeerrAccount> of(long userId);

  void save(SeerrAccount account);

  void forget(long userId);
}

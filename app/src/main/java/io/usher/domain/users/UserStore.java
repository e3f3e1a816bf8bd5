package io.usher.domain.users;

import java.util.Optional;

public interface UserStore {
  User insert(UserSpec spec);

  void update(User user);

  Optional<User> byId(long id);

  Optional<User> byEmail(String normalizedEmail);
}

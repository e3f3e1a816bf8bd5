package io.usher.domain.users;

/** A stored customer. */
public record User(long id, UserSpec spec) {
  public String email() {
    return spec.email();
  }

  public boolean permanent() {
    return spec.permanent();
  }
}

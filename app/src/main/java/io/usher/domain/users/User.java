package io.usher.domain.users;

/** A stored customer. */
public record User(long id, UserSpec spec) {
  public String email() {
    return spec.email();
  }

  /**
   * How a message names the user: the email, else the name (a Jellyfin/Emby user found by sync has
   * no email yet), else {@code #id}, which the command line takes too.
   */
  public String who() {
    if (spec.email() != null) {
      return spec.email();
    }
    return spec.name() != null ? spec.name() : "#" + id;
  }

  public boolean permanent() {
    return spec.permanent();
  }
}

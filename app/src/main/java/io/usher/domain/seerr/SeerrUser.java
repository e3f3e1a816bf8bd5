package io.usher.domain.seerr;

/**
 * A Seerr account as Seerr lists it.
 *
 * @param id Seerr's own number for it (not the media server's id)
 * @param plexUsername null for an account not from Plex
 * @param admin Seerr's owner (its first account) or an account with the Admin permission: Usher
 *     never takes such an account as a customer's, so never removes it
 */
public record SeerrUser(
    long id, String email, String username, String plexUsername, boolean admin) {
  /** Seerr's Admin permission bit. */
  public static final long ADMIN_PERMISSION = 2;

  /** Seerr's first account, made when it was set up: the owner's. */
  public static final long OWNER_ID = 1;
}

package io.usher.domain.seerr;

import java.util.List;
import java.util.Optional;

/**
 * Seerr (formerly Overseerr and Jellyseerr), where customers request films and shows: the calls
 * that give a customer an account there and take it away. Seerr makes its accounts from the media
 * server's own users, so an account is imported by the server's id of the customer, never created
 * from scratch.
 */
public interface Seerr {
  /** Whether an address and an API key are set; nothing is called without both. */
  boolean configured();

  /**
   * Checks the address and key.
   *
   * @return one line for the owner, e.g. "Seerr answers: 12 users"
   * @throws SeerrException when it cannot be reached or refuses the key
   */
  String test();

  /**
   * Imports Plex users into Seerr by their plex.tv ids. Seerr imports only friends of its own Plex
   * account that are not in it yet, so a pending invite or an existing account imports nothing.
   *
   * @return the accounts Seerr made
   */
  List<SeerrUser> importFromPlex(List<String> plexIds);

  /** Imports Jellyfin (or, on Jellyseerr, Emby) users into Seerr by their user ids. */
  List<SeerrUser> importFromJellyfin(List<String> userIds);

  /** Every Seerr account (up to 10,000). */
  List<SeerrUser> users();

  /** The Seerr account with this email, or with this user name or Plex user name. */
  Optional<SeerrUser> find(String email, String account);

  /**
   * Removes the account.
   *
   * @return false when Seerr had no such account (removed already)
   */
  boolean delete(long seerrId);
}

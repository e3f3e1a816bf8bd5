package io.usher.domain.users;

import java.util.List;
import java.util.Optional;

public interface UserStore {
  User insert(UserSpec spec);

  /** Inserts many users in few statements (a first sync); ids in the order given. */
  List<User> insertAll(List<UserSpec> specs);

  void update(User user);

  Optional<User> byId(long id);

  Optional<User> byEmail(String normalizedEmail);

  /**
   * The users whose name, or the account of one of whose shares (a Jellyfin/Emby user name, a Plex
   * username), is this text, ignoring case; oldest first.
   */
  List<User> byNameOrAccount(String name);

  /** The user whose PayPal email this is (the first one, should several share it). */
  Optional<User> byPaypalEmail(String normalizedEmail);

  /** Links a sub-account to its master; null unlinks it. */
  void setMaster(long subId, Long masterId);

  /** The master's sub-accounts, oldest link first. */
  List<User> subsOf(long masterId);

  Optional<Long> masterOf(long subId);

  /**
   * Deletes the user with everything of theirs in the ledger: payments, shares, referrals on either
   * side and their referral code. Their sub-accounts become users of their own.
   */
  void delete(long id);

  /** Every user that has an email: normalised email → id. */
  java.util.Map<String, Long> idsByEmail();
}

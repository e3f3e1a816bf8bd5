package io.usher.domain.expiry;

/** What expiry does to a user whose access ended. */
public enum ExpiryAction {
  /** During the grace days: only the grace group's libraries stay shared. */
  NARROW,
  /** Every share is taken away. */
  REMOVE
}

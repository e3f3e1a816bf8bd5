package io.usher.domain.ledger;

import java.time.Instant;
import java.util.List;

/**
 * A user as the Users table and {@code usher users} show it, with status derived from the ledger at
 * query time.
 *
 * @param plan the plan of the payment that ends last; null when the user never paid
 * @param expires the latest payment end; null when the user never paid
 */
public record UserRow(
    long id,
    String email,
    String name,
    boolean permanent,
    boolean mustChangeAccount,
    String plan,
    Instant expires,
    UserStatus status,
    List<String> servers) {

  /** What a person recognises the user by (Jellyfin accounts may lack an email at first). */
  public String label() {
    return email != null ? email : name;
  }
}

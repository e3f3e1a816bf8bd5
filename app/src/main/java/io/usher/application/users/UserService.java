package io.usher.application.users;

import io.usher.domain.common.ConflictException;
import io.usher.domain.common.NotFoundException;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.users.Emails;
import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.domain.users.UserStore;
import java.util.Objects;

/** Customers: creating them by hand and editing their details. */
public final class UserService {
  private final Transactions tx;
  private final UserStore users;
  private final AuditLog audit;
  private final UserLookup lookup;

  public UserService(Transactions tx, UserStore users, AuditLog audit) {
    this.tx = tx;
    this.users = users;
    this.audit = audit;
    this.lookup = new UserLookup(users);
  }

  public User create(UserSpec spec) {
    if (spec.email() == null) {
      throw ValidationException.of("email", "Enter the user's email address.");
    }
    return tx.inTransaction(
        () -> {
          requireFreeEmail(spec.email(), -1);
          User user = users.insert(spec);
          audit.record(
              "user",
              user.id(),
              "created",
              spec.email() + (spec.permanent() ? " (permanent)" : ""));
          return user;
        });
  }

  public User update(long userId, UserSpec spec) {
    return tx.inTransaction(
        () -> {
          User before = byId(userId);
          if (spec.email() == null && before.email() != null) {
            throw ValidationException.of("email", "Enter the user's email address.");
          }
          if (spec.email() != null) {
            requireFreeEmail(spec.email(), userId);
          }
          User after = new User(userId, spec);
          users.update(after);
          String changes = changes(before.spec(), spec);
          if (!changes.isEmpty()) {
            audit.record("user", userId, "edited", changes);
          }
          return after;
        });
  }

  public User byId(long userId) {
    return users
        .byId(userId)
        .orElseThrow(() -> new NotFoundException("That user no longer exists."));
  }

  /** The user an owner names by email, {@code #ID} / {@code id:ID} or name: {@link UserLookup}. */
  public User find(String reference) {
    return lookup.find(reference);
  }

  public User byEmail(String email) {
    String normalized = Emails.normalize(email);
    return users
        .byEmail(normalized)
        .orElseThrow(
            () -> new NotFoundException("There is no user with email " + normalized + "."));
  }

  private void requireFreeEmail(String email, long exceptUserId) {
    users
        .byEmail(email)
        .filter(u -> u.id() != exceptUserId)
        .ifPresent(
            u -> {
              throw new ConflictException("A user with email " + email + " already exists.");
            });
  }

  private static String changes(UserSpec a, UserSpec b) {
    StringBuilder out = new StringBuilder();
    diff(out, "email", a.email(), b.email());
    diff(out, "name", a.name(), b.name());
    diff(out, "permanent", a.permanent(), b.permanent());
    diff(out, "must change account", a.mustChangeAccount(), b.mustChangeAccount());
    diff(out, "PayPal email", a.paypalEmail(), b.paypalEmail());
    diff(out, "Discord id", a.discordId(), b.discordId());
    diff(out, "Discord name", a.discordName(), b.discordName());
    diff(out, "notes", a.notes(), b.notes());
    return out.toString();
  }

  private static void diff(StringBuilder out, String what, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      if (!out.isEmpty()) {
        out.append("; ");
      }
      out.append(what).append(": ").append(before).append(" → ").append(after);
    }
  }
}

package io.usher.domain.users;

import io.usher.domain.common.Problems;
import io.usher.domain.common.ValidationException;

/**
 * A customer's details. The email may be absent only for a Jellyfin/Emby account found by sync
 * before the owner knows it; everything else a person creates has one.
 */
public record UserSpec(
    String email,
    String name,
    boolean permanent,
    boolean mustChangeAccount,
    String paypalEmail,
    String discordId,
    String discordName,
    String notes) {

  public UserSpec {
    Problems problems = new Problems();
    email = field(problems, "email", email);
    paypalEmail = field(problems, "paypalEmail", paypalEmail);
    name = trimmed(name);
    discordId = trimmed(discordId);
    discordName = trimmed(discordName);
    notes = trimmed(notes);
    if (discordId != null && !discordId.matches("\\d{5,25}")) {
      problems.add(
          "discordId",
          "A Discord id is a long number (turn on Developer Mode in Discord and copy the user id).");
    }
    if (name != null && name.length() > 200) {
      problems.add("name", "The name is too long: keep it under 200 characters.");
    }
    problems.throwIfAny();
  }

  public static UserSpec withEmail(String email) {
    return new UserSpec(email, null, false, false, null, null, null, null);
  }

  /** The label a person recognises: the name, else the email. */
  public String label() {
    return name != null ? name : email;
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String field(Problems problems, String field, String email) {
    try {
      return Emails.normalizeOptional(field, email);
    } catch (ValidationException e) {
      problems.add(field, e.getMessage());
      return null;
    }
  }
}

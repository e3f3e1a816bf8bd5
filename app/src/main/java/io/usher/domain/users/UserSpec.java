package io.usher.domain.users;

import io.usher.domain.common.Inputs;
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
  public static final int MAX_NAME = 200;
  public static final int MAX_NOTES = 4000;

  public UserSpec {
    Problems problems = new Problems();
    email = field(problems, "email", email);
    paypalEmail = field(problems, "paypalEmail", paypalEmail);
    name = trimmed(name);
    discordId = trimmed(discordId);
    String typedDiscordName = discordName;
    String typedNotes = notes;
    discordName =
        problems.attempt(
            () -> Inputs.text("discordName", "Discord name", typedDiscordName, MAX_NAME));
    notes = problems.attempt(() -> Inputs.text("notes", "notes", typedNotes, MAX_NOTES));
    if (discordId != null && !discordId.matches("\\d{5,25}")) {
      problems.add(
          "discordId",
          "A Discord id is a long number (turn on Developer Mode in Discord and copy the user id).");
    }
    if (name != null && name.length() > MAX_NAME) {
      problems.add("name", "The name is too long: keep it under " + MAX_NAME + " characters.");
    }
    problems.throwIfAny();
  }

  public static UserSpec withEmail(String email) {
    return new UserSpec(email, null, false, false, null, null, null, null);
  }

  /** The same details with another PayPal email (where the user's PayPal payments come from). */
  public UserSpec withPaypalEmail(String paypal) {
    return new UserSpec(
        email, name, permanent, mustChangeAccount, paypal, discordId, discordName, notes);
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

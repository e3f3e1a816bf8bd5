package io.usher.domain.users;

import io.usher.domain.common.ValidationException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as Usher keeps them: trimmed, lower case, plausibly deliverable. */
public final class Emails {
  private static final int MAX_LENGTH = 320;
  // Deliberately simple: one @, no spaces, a dot in the domain. Providers validate the rest.
  private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

  private Emails() {}

  public static String normalize(String field, String email) {
    String trimmed = email == null ? "" : email.strip();
    if (trimmed.isEmpty()) {
      throw ValidationException.of(field, "Enter an email address.");
    }
    if (trimmed.length() > MAX_LENGTH || !SHAPE.matcher(trimmed).matches()) {
      throw ValidationException.of(field, "'" + trimmed + "' is not a valid email address.");
    }
    return trimmed.toLowerCase(Locale.ROOT);
  }

  public static String normalize(String email) {
    return normalize("email", email);
  }

  /** Optional addresses (PayPal email): blank means none. */
  public static String normalizeOptional(String field, String email) {
    return email == null || email.isBlank() ? null : normalize(field, email);
  }
}

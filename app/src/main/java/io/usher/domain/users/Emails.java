package io.usher.domain.users;

import io.usher.domain.common.ValidationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Email addresses as Usher keeps them: trimmed, lower case, and in the plain form every mail server
 * and payment provider takes: an RFC 5322 dot-atom before the {@code @} and a host name of letters,
 * digits and hyphens after it, ASCII only.
 *
 * <p>Written here rather than taken from Jakarta Mail because {@code domain} depends on the JDK
 * only; {@code EmailsTest} checks every address it accepts against Jakarta Mail's strict parser.
 * Quoted local parts, comments, address literals ({@code [1.2.3.4]}) and unencoded international
 * names are refused: Stripe refuses them too, and a customer who typed one has almost always made a
 * mistake.
 */
public final class Emails {
  private static final int MAX_LENGTH = 254;
  private static final int MAX_LOCAL = 64;
  private static final int MAX_LABEL = 63;
  private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
  private static final Pattern LOCAL = Pattern.compile(ATEXT + "(\\." + ATEXT + ")*");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?");
  private static final Pattern TOP = Pattern.compile("[A-Za-z]{2,}|xn--[A-Za-z0-9-]+");

  private Emails() {}

  public static String normalize(String field, String email) {
    String trimmed = email == null ? "" : email.strip();
    if (trimmed.isEmpty()) {
      throw ValidationException.of(field, "Enter an email address.");
    }
    int odd = trimmed.codePoints().filter(c -> c < 0x21 || c > 0x7e).findFirst().orElse(-1);
    if (odd >= 0 && odd != ' ') {
      throw ValidationException.of(
          field,
          String.format(
              "The email address has a character an address cannot have (U+%04X): type it again"
                  + " with plain letters, digits and @.",
              odd));
    }
    if (!wellFormed(trimmed)) {
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

  private static boolean wellFormed(String address) {
    int at = address.lastIndexOf('@');
    if (address.length() > MAX_LENGTH || at < 1 || at > MAX_LOCAL) {
      return false;
    }
    String local = address.substring(0, at);
    String[] labels = address.substring(at + 1).split("\\.", -1);
    if (!LOCAL.matcher(local).matches() || labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (label.length() > MAX_LABEL || !LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return TOP.matcher(labels[labels.length - 1]).matches();
  }
}

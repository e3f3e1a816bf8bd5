package io.usher.domain.settings;

import io.usher.domain.common.ValidationException;
import io.usher.domain.users.Emails;
import java.util.Arrays;
import java.util.Locale;

/** How a setting's text is checked and normalised before it is stored. */
public enum SettingType {
  TEXT,
  BOOLEAN,
  WHOLE_NUMBER,
  /** Empty, or a whole number of days. */
  OPTIONAL_DAYS,
  /** A comma-separated list of whole days, e.g. 7,3,1. */
  DAY_LIST,
  SMTP_SECURITY,
  URL,
  EMAIL,
  THEME;

  public String normalize(String key, String value) {
    String v = value == null ? "" : value.strip();
    return switch (this) {
      case TEXT -> v;
      case BOOLEAN -> {
        String lower = v.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
          throw ValidationException.of(key, key + " takes true or false, not '" + v + "'.");
        }
        yield lower;
      }
      case WHOLE_NUMBER -> Integer.toString(wholeNumber(key, v));
      case OPTIONAL_DAYS -> v.isEmpty() ? "" : Integer.toString(wholeNumber(key, v));
      case DAY_LIST -> {
        if (v.isEmpty()) {
          yield "";
        }
        yield String.join(
            ",",
            Arrays.stream(v.split(","))
                .map(String::strip)
                .map(d -> Integer.toString(wholeNumber(key, d)))
                .distinct()
                .toList());
      }
      case SMTP_SECURITY -> {
        String lower = v.toLowerCase(Locale.ROOT);
        if (!lower.equals("starttls") && !lower.equals("ssl") && !lower.equals("none")) {
          throw ValidationException.of(key, key + " is one of starttls, ssl or none.");
        }
        yield lower;
      }
      case URL -> {
        if (!v.isEmpty() && !v.matches("(?i)https?://[^\\s]+")) {
          throw ValidationException.of(key, key + " must be an http:// or https:// address.");
        }
        yield v.replaceAll("/+$", "");
      }
      case EMAIL -> v.isEmpty() ? "" : Emails.normalize(key, v);
      case THEME -> {
        String lower = v.toLowerCase(Locale.ROOT);
        if (!lower.equals("light") && !lower.equals("dark")) {
          throw ValidationException.of(key, key + " is light or dark.");
        }
        yield lower;
      }
    };
  }

  private static int wholeNumber(String key, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n < 0) {
        throw ValidationException.of(key, key + " cannot be negative.");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ValidationException.of(key, key + " takes a whole number, not '" + v + "'.");
    }
  }
}

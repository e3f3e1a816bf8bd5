package io.usher.domain.common;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What Usher takes from outside (the command line, the window's forms, a CSV file, a provider's
 * payload): every value must fit the column it is stored in and make sense, so nothing accepted can
 * break a later read. Each refusal is one sentence naming the field.
 */
public final class Inputs {
  /** The first instant Usher accepts: no payment, code or subscription predates it. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  /** The first instant past the years Usher accepts (a lifetime plan still ends before it). */
  public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  private static final Pattern ASCII_INTEGER = Pattern.compile("[-+]?[0-9]+");

  private Inputs() {}

  /**
   * An instant within [{@link #EARLIEST}, {@link #LATEST}); null (not given) stays null.
   *
   * @param what how a person names the field, e.g. "start"
   */
  public static Instant instant(String field, String what, Instant value) {
    if (value != null && (value.isBefore(EARLIEST) || !value.isBefore(LATEST))) {
      throw ValidationException.of(
          field,
          "The "
              + what
              + " "
              // Instant's own text: a LocalDate cannot hold Instant's furthest years.
              + value.toString().substring(0, value.toString().indexOf('T'))
              + " is out of range: use a date in the years 2000 to 2199.");
    }
    return value;
  }

  /**
   * Text stored in a column of {@code max} characters: stripped, blank means none (null), longer is
   * refused.
   *
   * @param what how a person names the field, e.g. "subscription id"
   */
  public static String text(String field, String what, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw ValidationException.of(field, tooLong(what, max));
    }
    return stripped;
  }

  /** "The notes can be at most 4000 characters long." */
  /**
   * The text cut to at most {@code max} characters, its last one then an ellipsis; null stays null.
   * For what Usher keeps or sends of text it did not choose (a device name, an audit detail).
   */
  public static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public static String tooLong(String what, int max) {
    return "The " + what + " can be at most " + max + " characters long.";
  }

  /**
   * True when {@code text} is an optional minus and ASCII digits only: Integer.parseInt also reads
   * other scripts' digits (١٢ is 12), which a person would not recognise as the number stored.
   */
  public static boolean asciiInteger(String text) {
    return text != null && ASCII_INTEGER.matcher(text).matches();
  }

  /** Refuses a value that was given but is blank, where leaving it out picks a default. */
  public static String given(String field, String what, String value) {
    if (value != null && value.isBlank()) {
      throw ValidationException.of(
          field, "The " + what + " is empty: give one, or leave it out for the default.");
    }
    return value;
  }
}

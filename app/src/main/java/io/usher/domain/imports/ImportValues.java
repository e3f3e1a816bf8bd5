package io.usher.domain.imports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;

/** How a bulk-invite file writes dates and counts: the rules, without the file. */
public final class ImportValues {
  private ImportValues() {}

  /**
   * An ISO-8601 instant ({@code 2026-11-22T10:00:00Z}, an offset allowed) or a bare date ({@code
   * 2026-11-22}, meaning 00:00 UTC that day); empty when it is neither.
   */
  public static Optional<Instant> instant(String text) {
    String t = text.strip();
    try {
      if (t.length() == 10) {
        return Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      return Optional.of(Instant.parse(t));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** A whole number of 1 or more ("3"); empty for anything else ("0", "1.5", "two"). */
  public static OptionalInt positive(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalInt.empty();
    }
    int value = Integer.parseInt(t);
    return value >= 1 ? OptionalInt.of(value) : OptionalInt.empty();
  }

  /**
   * The UTC date of an instant, as the dry run shows it: {@code 2026-11-22}. Read from the
   * instant's own text, since an instant of a far year (a typed {@code -1000000000-12-27}) has no
   * calendar date to convert to.
   */
  public static String date(Instant instant) {
    String text = instant.toString();
    return text.substring(0, text.indexOf('T'));
  }
}

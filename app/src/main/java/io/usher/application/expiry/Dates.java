package io.usher.application.expiry;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates in customer mail, as the welcome mail writes them ("22 December 2026"). */
final class Dates {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private Dates() {}

  static String day(Instant instant) {
    return DAY.format(instant);
  }
}

package io.usher.ui.kit;

import io.usher.domain.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the window writes dates and money: in the owner's time zone, unambiguous in any locale. */
public final class Formats {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

  private final ZoneId zone;

  public Formats(ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  public String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant.atZone(zone));
  }

  public String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
  }

  /** A date picked in the window means the start of that day where the owner is. */
  public Instant startOf(LocalDate date) {
    return date == null ? null : date.atStartOfDay(zone).toInstant();
  }

  public LocalDate localDate(Instant instant) {
    return instant == null ? null : instant.atZone(zone).toLocalDate();
  }

  public static String money(Money money) {
    return money == null ? "" : money.display();
  }

  public static String totals(List<Money> totals) {
    return totals.isEmpty()
        ? "0"
        : totals.stream().map(Money::display).collect(Collectors.joining(" · "));
  }
}

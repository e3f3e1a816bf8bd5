package io.usher.ui.kit;

import io.usher.domain.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javafx.util.StringConverter;

/** How the window writes dates and money: in the owner's time zone, unambiguous in any locale. */
public final class Formats {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

  private final ZoneId zone;
  private final Clock clock;

  /**
   * @param clock what "today" is for dates said relatively
   */
  public Formats(ZoneId zone, Clock clock) {
    this.zone = zone;
    this.clock = clock;
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

  /**
   * A day near today as people say it ("today", "tomorrow", "in 3 days", "2 days ago"); further
   * away, the date.
   */
  public String relativeDate(Instant instant) {
    if (instant == null) {
      return "";
    }
    long days = ChronoUnit.DAYS.between(localDate(clock.instant()), localDate(instant));
    if (Math.abs(days) >= 14) {
      return date(instant);
    }
    if (days == 0) {
      return "today";
    }
    if (days == 1) {
      return "tomorrow";
    }
    if (days == -1) {
      return "yesterday";
    }
    return days > 0 ? "in " + days + " days" : -days + " days ago";
  }

  /** A date picked in the window means the start of that day where the owner is. */
  public Instant startOf(LocalDate date) {
    return date == null ? null : date.atStartOfDay(zone).toInstant();
  }

  public LocalDate localDate(Instant instant) {
    return instant == null ? null : instant.atZone(zone).toLocalDate();
  }

  /** Lets a date picker show and read dates as the tables write them ("5 Dec 2026", or ISO). */
  public StringConverter<LocalDate> dateConverter() {
    return new StringConverter<>() {
      @Override
      public String toString(LocalDate date) {
        return date == null ? "" : DATE.format(date);
      }

      @Override
      public LocalDate fromString(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
          return null;
        }
        try {
          return LocalDate.parse(t, DATE);
        } catch (DateTimeParseException e) {
          return LocalDate.parse(t);
        }
      }
    };
  }

  public static String money(Money money) {
    return money == null ? "" : money.display();
  }
}

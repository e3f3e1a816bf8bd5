package io.usher.application.expiry;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Dates in customer mail, as the welcome mail writes them ("22 December 2026"), and the reminder
 * mail's values.
 */
public final class Dates {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private Dates() {}

  public static String day(Instant instant) {
    return DAY.format(instant);
  }

  /**
   * What the "expiring soon" mail fills in, for the timed reminder and one the owner sends now.
   *
   * @param name null: the email stands in
   * @param plan null: none
   */
  public static Map<String, String> reminder(
      String name, String email, String plan, Instant expires, long daysLeft) {
    Map<String, String> values = new HashMap<>();
    values.put("name", name != null ? name : email);
    values.put("email", email);
    values.put("plan", plan == null ? "" : plan);
    values.put("expires", day(expires));
    values.put("days", Long.toString(daysLeft));
    return values;
  }
}

package io.usher.domain.expiry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Who is due which "expiring soon" reminder. Reminders go to standard users who pay as they go or
 * whose subscription was cancelled ({@link Subscriber#recurring()} false) and still have access.
 * With days {@code 7,3,1}, the step due is the smallest listed number of days that the time left
 * fits in: 6½ days left is the 7-day reminder, 2 days left the 3-day one. A run that was missed
 * sends only the most urgent step, never a burst of stale ones. Each (user, expiry, step) is sent
 * once; a renewal moves the expiry and starts a new series.
 */
public final class ReminderRule {
  private ReminderRule() {}

  /** The step due now, if any, ignoring what was sent already. */
  public static OptionalInt step(Subscriber s, Collection<Integer> days, Instant now) {
    if (s.permanent()
        || s.recurring()
        || s.expires() == null
        || !s.activeNow()
        || !s.expires().isAfter(now)) {
      return OptionalInt.empty();
    }
    Duration left = Duration.between(now, s.expires());
    int best = Integer.MAX_VALUE;
    for (int d : days) {
      if (d > 0 && left.compareTo(Duration.ofDays(d)) <= 0 && d < best) {
        best = d;
      }
    }
    return best == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(best);
  }

  /** The reminders to send now: due, and not in {@code sent}. */
  public static List<ReminderKey> due(
      Collection<Subscriber> users, Collection<Integer> days, Set<ReminderKey> sent, Instant now) {
    List<ReminderKey> out = new ArrayList<>();
    for (Subscriber s : users) {
      OptionalInt step = step(s, days, now);
      if (step.isPresent()) {
        ReminderKey key = new ReminderKey(s.userId(), s.expires(), step.getAsInt());
        if (!sent.contains(key)) {
          out.add(key);
        }
      }
    }
    return out;
  }

  /** Parses {@code reminders.days} ("7,3,1"; empty = no reminders). */
  public static List<Integer> parseDays(String value) {
    List<Integer> days = new ArrayList<>();
    if (value == null) {
      return days;
    }
    for (String part : value.split(",")) {
      String p = part.strip();
      if (!p.isEmpty()) {
        days.add(Integer.parseInt(p));
      }
    }
    return days;
  }
}

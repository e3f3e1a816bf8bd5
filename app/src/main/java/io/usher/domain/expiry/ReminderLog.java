package io.usher.domain.expiry;

import java.time.Instant;
import java.util.Set;

/** The reminders already sent, kept so a restart never sends one twice. */
public interface ReminderLog {
  /** Reminders sent about expiries later than {@code after}: the only ones still relevant. */
  Set<ReminderKey> sentAbout(Instant after);

  /** Notes a reminder as sent; call it in the transaction that queues the mail. */
  void record(ReminderKey key, Instant sentAt);
}

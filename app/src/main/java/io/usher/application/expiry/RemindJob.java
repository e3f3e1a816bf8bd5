package io.usher.application.expiry;

import io.usher.application.jobs.Job;
import io.usher.application.jobs.JobResult;
import io.usher.application.notify.Notifier;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.expiry.ExpiryQueries;
import io.usher.domain.expiry.ReminderKey;
import io.usher.domain.expiry.ReminderLog;
import io.usher.domain.expiry.ReminderRule;
import io.usher.domain.expiry.Subscriber;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily: the "expiring soon" mail, {@code reminders.days} before expiry (see {@link ReminderRule}),
 * to standard users who pay as they go or whose subscription was cancelled. Today a user counts as
 * recurring — and gets no reminder — when the payment that ends last has a subscription id; a
 * cancelled subscription shows as a later payment without one (or, once payments learn it, a
 * cancelled flag read by {@link ExpiryQueries#expiringBetween}). Each reminder is recorded in the
 * same transaction that queues its mail, so it goes out once per step and expiry, across restarts.
 */
public final class RemindJob implements Job {
  private final Transactions tx;
  private final ExpiryQueries queries;
  private final ReminderLog log;
  private final Notifier mail;
  private final Settings settings;
  private final Clock clock;

  /**
   * @param settings a setting's effective value ({@code reminders.days})
   */
  public RemindJob(
      Transactions tx,
      ExpiryQueries queries,
      ReminderLog log,
      Notifier mail,
      Settings settings,
      Clock clock) {
    this.tx = tx;
    this.queries = queries;
    this.log = log;
    this.mail = mail;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "remind";
  }

  @Override
  public String description() {
    return "Mails pay-as-you-go users the days before expiry listed in reminders.days";
  }

  @Override
  public Duration every() {
    return Duration.ofDays(1);
  }

  @Override
  public JobResult run(boolean dryRun) {
    Instant now = clock.instant();
    List<Integer> days;
    try {
      days = settings.reminderDays();
    } catch (NumberFormatException e) {
      throw new UsherException(
          "reminders.days is not a list of whole numbers like 7,3,1: correct it first.");
    }
    if (days.isEmpty()) {
      return JobResult.of("Reminders are off (reminders.days is empty).");
    }
    int longest = days.stream().mapToInt(Integer::intValue).max().orElse(0);
    List<Subscriber> all =
        queries.expiringBetween(now, now.plus(Duration.ofDays(Math.max(0, longest))), now);
    List<ReminderKey> due = ReminderRule.due(all, days, log.sentAbout(now), now);
    Map<Long, Subscriber> byId = new HashMap<>();
    all.forEach(s -> byId.put(s.userId(), s));
    List<String> details = new ArrayList<>();
    int sent = 0;
    for (ReminderKey key : due) {
      Subscriber s = byId.get(key.userId());
      String what = key.daysBefore() + "-day reminder (expires " + Dates.day(key.expires()) + ")";
      if (s.email() == null) {
        details.add(s.label() + " has no email address: no " + what);
        continue;
      }
      if (dryRun) {
        details.add(s.email() + " would get the " + what);
        sent++;
        continue;
      }
      tx.run(
          () -> {
            mail.queue(
                MailEvent.EXPIRING_SOON,
                s.email(),
                Dates.reminder(s.name(), s.email(), s.plan(), s.expires(), key.daysBefore()));
            log.record(key, now);
          });
      details.add(s.email() + " got the " + what);
      sent++;
    }
    String count = sent == 1 ? "1 reminder" : sent + " reminders";
    return new JobResult(dryRun ? count + " would be sent" : count + " queued", details);
  }
}

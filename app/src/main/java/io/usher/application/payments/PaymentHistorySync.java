package io.usher.application.payments;

import io.usher.application.jobs.JobResult;
import io.usher.domain.common.UsherException;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PaymentHistory;
import io.usher.domain.settings.SettingsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One provider account read back by time (a PayPal account's Transaction Search): from where the
 * last read ended, less an overlap (PayPal lists a transaction up to 3 hours late), to now. Every
 * payment goes through the same idempotent use case as the checkout, so the overlap and a second
 * account seeing the same transaction never record it twice. The cursor moves only after the whole
 * range was applied.
 */
public final class PaymentHistorySync {
  /** PayPal: "up to 3 hours before a transaction appears" in Transaction Search. */
  static final Duration OVERLAP = Duration.ofHours(3);

  /** How far back the first read of an account goes. */
  static final Duration FIRST_READ = Duration.ofDays(31);

  /**
   * A subscription whose paid time ends within this is asked whether it still renews, so that a
   * customer who cancelled on the provider's side gets the reminders of one who pays as they go
   * (which go out in the last days, 7, 3 and 1 by default). Asking about every subscription each
   * run would cost one request per subscriber.
   */
  static final Duration ENDING_WITHIN = Duration.ofDays(15);

  private final String label;
  private final String cursorKey;
  private final PaymentHistory history;
  private final BooleanSupplier configured;
  private final RecordProviderPayment record;
  private final PaymentStore payments;
  private final SettingsStore store;
  private final Clock clock;

  /**
   * @param label how the owner knows the account ("PayPal", "PayPal (second account)")
   * @param cursorKey the settings key under which the end of the last complete read is kept
   * @param configured whether the account's keys are set
   */
  public PaymentHistorySync(
      String label,
      String cursorKey,
      PaymentHistory history,
      BooleanSupplier configured,
      RecordProviderPayment record,
      PaymentStore payments,
      SettingsStore store,
      Clock clock) {
    this.payments = payments;
    this.label = label;
    this.cursorKey = cursorKey;
    this.history = history;
    this.configured = configured;
    this.record = record;
    this.store = store;
    this.clock = clock;
  }

  public boolean configured() {
    return configured.getAsBoolean();
  }

  /** True when the last complete read ended at least {@code every} ago (or never happened). */
  public boolean due(Duration every) {
    return lastRead().map(at -> !at.plus(every).isAfter(clock.instant())).orElse(true);
  }

  private Optional<Instant> lastRead() {
    return store.get(cursorKey).filter(s -> !s.isBlank()).map(Instant::parse);
  }

  /** One harmless read with the account's keys; the provider's sentence, or it throws. */
  public String test() {
    return history.test();
  }

  public String label() {
    return label;
  }

  public JobResult run(boolean dryRun) {
    Instant to = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant from = lastRead().map(at -> at.minus(OVERLAP)).orElse(to.minus(FIRST_READ));
    List<PaymentEvent> events = history.paidBetween(from, to);
    if (dryRun) {
      return new JobResult(
          label + ": " + events.size() + " payment(s) since " + from + " to look at.",
          events.stream()
              .map(e -> e.transactionId() + " " + e.email() + " " + e.amount())
              .toList());
    }
    List<String> details = new ArrayList<>();
    int recorded = 0;
    int waiting = 0;
    for (PaymentEvent e : events) {
      RecordProviderPayment.Outcome outcome;
      try {
        outcome = record.apply(e);
      } catch (RuntimeException failed) {
        throw new UsherException(
            label
                + ": stopped at transaction "
                + e.transactionId()
                + " ("
                + failed.getMessage()
                + "); "
                + recorded
                + " recorded before it, the rest are read again on the next run.",
            failed);
      }
      switch (outcome.kind()) {
        case RECORDED -> recorded++;
        case UNMATCHED -> waiting++;
        default -> {}
      }
      if (outcome.kind() != RecordProviderPayment.Outcome.Kind.ALREADY_RECORDED) {
        details.add(outcome.sentence());
      }
    }
    store.put(cursorKey, to.toString());
    int ended = endedSubscriptions(to, details);
    return new JobResult(
        label
            + ": "
            + events.size()
            + " payment(s) read, "
            + recorded
            + " recorded"
            + (waiting > 0 ? ", " + waiting + " waiting among the unmatched payments" : "")
            + (ended > 0 ? ", " + ended + " subscription(s) ended" : "")
            + ".",
        details);
  }

  /** Asks about the subscriptions whose paid time ends soon; records those that ended. */
  private int endedSubscriptions(Instant now, List<String> details) {
    int ended = 0;
    for (String subscription : payments.subscriptionsEnding(now, now.plus(ENDING_WITHIN))) {
      Optional<PaymentEvent> end = history.ended(subscription);
      if (end.isPresent()) {
        details.add(record.apply(end.get()).sentence());
        ended++;
      }
    }
    return ended;
  }
}

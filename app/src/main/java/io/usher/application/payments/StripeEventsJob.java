package io.usher.application.payments;

import io.usher.application.jobs.JobResult;
import io.usher.domain.common.UsherException;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PaymentProvider;
import io.usher.domain.settings.SettingsStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Stripe's part of the payments job, every {@code stripe.poll-seconds}: reads Stripe's events after
 * the last one applied and applies each in order. The cursor (the last applied event's id) is kept
 * in the settings store under {@link #CURSOR_KEY} and moves only past events that were applied, so
 * a failure or a restart reads the rest again; applying is idempotent.
 */
public final class StripeEventsJob {
  public static final String CURSOR_KEY = "internal.stripe-cursor";

  private final PaymentProvider stripe;
  private final RecordProviderPayment record;
  private final SettingsStore store;
  private final Function<String, String> settings;
  private final Duration every;

  /**
   * @param settings a setting's effective value ({@code stripe.secret-key}, {@code
   *     stripe.poll-seconds}, read once here)
   */
  public StripeEventsJob(
      PaymentProvider stripe,
      RecordProviderPayment record,
      SettingsStore store,
      Function<String, String> settings) {
    this.stripe = stripe;
    this.record = record;
    this.store = store;
    this.settings = settings;
    this.every = pollEvery(settings);
  }

  private static Duration pollEvery(Function<String, String> settings) {
    try {
      long seconds = Long.parseLong(settings.apply("stripe.poll-seconds").strip());
      return Duration.ofSeconds(Math.max(1, seconds));
    } catch (RuntimeException unset) {
      return Duration.ofSeconds(15);
    }
  }

  public Duration every() {
    return every;
  }

  public JobResult run(boolean dryRun) {
    String key = settings.apply("stripe.secret-key");
    if (key == null || key.isBlank()) {
      return JobResult.of("Stripe is not set up.");
    }
    String cursor = store.get(CURSOR_KEY).filter(c -> !c.isBlank()).orElse(null);
    List<PaymentEvent> events = stripe.eventsAfter(cursor);
    if (dryRun) {
      return new JobResult(
          events.size() + " Stripe event(s) to apply.",
          events.stream()
              .map(e -> e.eventId() + " " + e.kind() + " " + e.transactionId())
              .toList());
    }
    List<String> details = new ArrayList<>();
    int recorded = 0;
    for (PaymentEvent e : events) {
      RecordProviderPayment.Outcome outcome;
      try {
        outcome = record.apply(e);
      } catch (RuntimeException failed) {
        throw new UsherException(
            "Stopped at Stripe event "
                + e.eventId()
                + " ("
                + failed.getMessage()
                + "); "
                + recorded
                + " recorded before it, the rest follow on the next run.",
            failed);
      }
      store.put(CURSOR_KEY, e.eventId());
      if (outcome.kind() == RecordProviderPayment.Outcome.Kind.RECORDED) {
        recorded++;
      }
      details.add(outcome.sentence());
    }
    return new JobResult(
        events.isEmpty()
            ? "No new Stripe events."
            : events.size() + " Stripe event(s), " + recorded + " payment(s) recorded.",
        details);
  }
}

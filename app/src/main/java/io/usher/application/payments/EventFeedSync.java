package io.usher.application.payments;

import io.usher.application.jobs.JobResult;
import io.usher.domain.common.UsherException;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PaymentProvider;
import io.usher.domain.settings.SettingsStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A provider that reports what happened as a feed of events (Stripe), read every {@link #every()}
 * by the payments job: the events after the last one applied, each applied in order. The cursor
 * (the last applied event's id) is kept in the settings store and moves only past events that were
 * applied, so a failure or a restart reads the rest again; applying is idempotent.
 */
public final class EventFeedSync {
  private final String label;
  private final String cursorKey;
  private final PaymentProvider provider;
  private final BooleanSupplier configured;
  private final RecordProviderPayment record;
  private final SettingsStore store;
  private final Duration every;

  /**
   * @param label how the owner knows the provider ("Stripe")
   * @param cursorKey the settings key under which the last applied event's id is kept
   * @param configured whether the provider's keys are set
   * @param every how often the feed is read
   */
  public EventFeedSync(
      String label,
      String cursorKey,
      PaymentProvider provider,
      BooleanSupplier configured,
      Duration every,
      RecordProviderPayment record,
      SettingsStore store) {
    this.label = label;
    this.cursorKey = cursorKey;
    this.provider = provider;
    this.configured = configured;
    this.every = every;
    this.record = record;
    this.store = store;
  }

  public Duration every() {
    return every;
  }

  public JobResult run(boolean dryRun) {
    if (!configured.getAsBoolean()) {
      return JobResult.of(label + " is not set up.");
    }
    String cursor = store.get(cursorKey).filter(c -> !c.isBlank()).orElse(null);
    List<PaymentEvent> events = provider.eventsAfter(cursor);
    if (dryRun) {
      return new JobResult(
          events.size() + " " + label + " event(s) to apply.",
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
            "Stopped at "
                + label
                + " event "
                + e.eventId()
                + " ("
                + failed.getMessage()
                + "); "
                + recorded
                + " recorded before it, the rest follow on the next run.",
            failed);
      }
      store.put(cursorKey, e.eventId());
      if (outcome.kind() == RecordProviderPayment.Outcome.Kind.RECORDED) {
        recorded++;
      }
      details.add(outcome.sentence());
    }
    return new JobResult(
        events.isEmpty()
            ? "No new " + label + " events."
            : events.size() + " " + label + " event(s), " + recorded + " payment(s) recorded.",
        details);
  }
}

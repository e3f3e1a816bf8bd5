package io.usher.application.payments;

import io.usher.application.jobs.Job;
import io.usher.application.jobs.JobResult;
import io.usher.domain.common.UsherException;
import io.usher.domain.settings.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The "payments" job: every configured provider's payments into the ledger — the event feeds
 * (Stripe's events) at their own pace, which sets the job's, and each account read back by time
 * (PayPal's Transaction Search) every {@code paypal.poll-minutes}. One provider failing does not
 * keep the others from running; the run is marked failed with every failure's sentence. Run by
 * hand, every configured account is read.
 */
public final class PaymentsJob implements Job {
  private final List<EventFeedSync> feeds;
  private final List<PaymentHistorySync> histories;
  private final Settings settings;

  /**
   * @param settings a setting's effective value ({@code paypal.poll-minutes})
   */
  public PaymentsJob(
      List<EventFeedSync> feeds, List<PaymentHistorySync> histories, Settings settings) {
    if (feeds.isEmpty()) {
      throw new IllegalArgumentException("the payments job paces itself by an event feed");
    }
    this.feeds = List.copyOf(feeds);
    this.histories = List.copyOf(histories);
    this.settings = settings;
  }

  @Override
  public String name() {
    return "payments";
  }

  @Override
  public String description() {
    return "Record payments and cancellations from Stripe and PayPal";
  }

  @Override
  public Duration every() {
    return feeds.stream().map(EventFeedSync::every).min(Duration::compareTo).orElseThrow();
  }

  @Override
  public JobResult run(boolean dryRun) {
    return runParts(dryRun, false);
  }

  @Override
  public JobResult runOnTimer() {
    return runParts(false, true);
  }

  private JobResult runParts(boolean dryRun, boolean onTimer) {
    List<Supplier<JobResult>> parts = new ArrayList<>();
    for (EventFeedSync feed : feeds) {
      parts.add(() -> feed.run(dryRun));
    }
    Duration paypalEvery = paypalEvery();
    for (PaymentHistorySync history : histories) {
      if (history.configured() && (!onTimer || history.due(paypalEvery))) {
        parts.add(() -> history.run(dryRun));
      }
    }
    List<String> summaries = new ArrayList<>();
    List<String> details = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Supplier<JobResult> part : parts) {
      try {
        JobResult r = part.get();
        summaries.add(r.summary());
        details.addAll(r.details());
      } catch (UsherException failed) {
        failures.add(failed.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      List<String> all = new ArrayList<>(summaries);
      all.addAll(failures);
      throw new UsherException(String.join(" ", all));
    }
    return new JobResult(String.join(" ", summaries), details);
  }

  /**
   * Whether PayPal accepts each configured account's keys, one sentence per account; throws the
   * provider's sentence for keys it refuses.
   */
  public String testPayPal() {
    List<String> verdicts = new ArrayList<>();
    for (PaymentHistorySync history : histories) {
      if (history.configured()) {
        String verdict = history.test();
        verdicts.add(verdicts.isEmpty() ? verdict : history.label() + ": " + verdict);
      }
    }
    if (verdicts.isEmpty()) {
      throw new UsherException(
          "PayPal is not set up: set paypal.client-id and paypal.secret (Settings) first.");
    }
    return String.join(" ", verdicts);
  }

  private Duration paypalEvery() {
    return settings.paypalPoll();
  }
}

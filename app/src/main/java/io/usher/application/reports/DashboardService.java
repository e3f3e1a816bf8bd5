package io.usher.application.reports;

import io.usher.application.checkout.CheckoutService;
import io.usher.application.jobs.JobService;
import io.usher.application.jobs.JobStatus;
import io.usher.application.notify.MailService;
import io.usher.application.outbox.OutboxService;
import io.usher.application.plans.PlanService;
import io.usher.application.queries.LedgerQueryService;
import io.usher.application.servers.ServerService;
import io.usher.application.settings.SettingsService;
import io.usher.application.settings.SetupChecks;
import io.usher.domain.ledger.PaymentRow;
import io.usher.domain.ledger.StatusCounts;
import io.usher.domain.ledger.UserRow;
import io.usher.domain.ledger.UserStatus;
import io.usher.domain.outbox.OutboxItem;
import io.usher.domain.plans.Plan;
import io.usher.domain.reports.Revenue;
import io.usher.domain.reports.RevenueQueries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * What the dashboard shows: the users' counts, the money, who expires soon, the latest payments,
 * what is wrong now (failed jobs, work stuck in the outbox) and the setup checklist.
 */
public final class DashboardService {
  /** A mail or share waiting longer than this is stuck: something needs the owner. */
  static final Duration STUCK = Duration.ofHours(1);

  private static final int RECENT = 8;

  /** The job that checks every server's token or key, daily. */
  private static final String TOKENS = "tokens";

  /** How far back the new customers list looks. */
  private static final Duration SIGN_UPS = Duration.ofDays(30);

  private final LedgerQueryService queries;
  private final RevenueQueries money;
  private final PlanService plans;
  private final ServerService servers;
  private final SettingsService settings;
  private final CheckoutService checkout;
  private final OutboxService outbox;
  private final JobService jobs;
  private final SetupChecks tests;
  private final Clock clock;

  public DashboardService(
      LedgerQueryService queries,
      RevenueQueries money,
      PlanService plans,
      ServerService servers,
      SettingsService settings,
      CheckoutService checkout,
      OutboxService outbox,
      JobService jobs,
      SetupChecks tests,
      Clock clock) {
    this.queries = queries;
    this.money = money;
    this.plans = plans;
    this.servers = servers;
    this.settings = settings;
    this.checkout = checkout;
    this.outbox = outbox;
    this.jobs = jobs;
    this.tests = tests;
    this.clock = clock;
  }

  /**
   * @param expiring active standard users whose access ends within 7 days, soonest first
   * @param recent the latest payments recorded, newest first
   * @param problems what is wrong now, one sentence each (a failed job, a stuck mail)
   * @param checklist the setup steps, done or not
   */
  /**
   * @param activeUsers users with paid-for time at the end of each of the last eleven months and
   *     now, oldest first
   */
  public record Overview(
      StatusCounts counts,
      Revenue revenue,
      List<ActiveUsers> activeUsers,
      List<RevenueQueries.SignUp> signUps,
      List<UserRow> expiring,
      List<PaymentRow> recent,
      List<String> problems,
      List<Check> checklist) {

    public boolean setUp() {
      return checklist.stream().allMatch(Check::done);
    }
  }

  /** How many users had paid-for time at the end of a month (this month: now). */
  public record ActiveUsers(YearMonth month, int users) {}

  /** Where the owner fixes a step. */
  public enum Place {
    SERVERS,
    PLANS,
    EMAIL,
    /** Settings, on the checkout page's form. */
    SETTINGS,
    /** Settings, on the Stripe and PayPal keys. */
    PAYMENT_SETTINGS,
    JOBS
  }

  /** One setup step: what it is, whether it is done, and where to do it. */
  public record Check(String label, boolean done, String hint, Place place) {}

  /**
   * @param zone the owner's time zone: months start there
   */
  public Overview overview(ZoneId zone) {
    Instant now = clock.instant();
    List<Plan> catalogue = plans.list();
    Currency fallback =
        catalogue.stream()
            .filter(p -> p.spec().isDefault())
            .findFirst()
            .or(() -> catalogue.stream().findFirst())
            .map(p -> p.price().currency())
            .orElse(Currency.getInstance("USD"));
    YearMonth month = YearMonth.now(clock.withZone(zone));
    // From a day before the first month's start in UTC, so no day at its edge is missed in any
    // zone.
    Instant from =
        month
            .minusMonths(11)
            .atDay(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .minus(Duration.ofDays(1));
    Revenue revenue =
        Revenue.of(
            money.revenueSince(from), money.runningSubscriptions(now), month, zone, fallback);
    // One read of the users gives both the counts and who expires soon.
    List<UserRow> users = queries.users();
    Instant soon = now.plus(LedgerQueryService.EXPIRING_SOON);
    List<UserRow> expiring =
        users.stream()
            .filter(u -> u.status() == UserStatus.ACTIVE && !u.permanent() && u.expires() != null)
            .filter(u -> u.expires().isBefore(soon))
            .sorted(Comparator.comparing(UserRow::expires))
            .toList();
    List<OutboxItem> stuck =
        outbox.pending().stream().filter(i -> i.createdAt().isBefore(now.minus(STUCK))).toList();
    List<JobStatus> failed =
        jobs.list().stream()
            .filter(j -> j.last() != null && "failed".equals(j.last().outcome()))
            .toList();
    List<YearMonth> months = new ArrayList<>();
    List<Instant> moments = new ArrayList<>();
    for (int back = 11; back >= 1; back--) {
      YearMonth m = month.minusMonths(back);
      months.add(m);
      moments.add(m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().minusNanos(1000));
    }
    months.add(month);
    moments.add(now);
    List<Integer> counts = money.activeUsersAt(moments);
    List<ActiveUsers> active = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      active.add(new ActiveUsers(months.get(i), counts.get(i)));
    }
    return new Overview(
        StatusCounts.of(users, soon),
        revenue,
        active,
        money.signUpsSince(now.minus(SIGN_UPS), RECENT),
        expiring,
        queries.latestPayments(RECENT),
        problems(failed, stuck),
        checklist(catalogue, failed, stuck));
  }

  /** A step the owner skipped in the setup guide says so before its hint. */
  private static String skippedFirst(
      java.util.Set<SettingsService.GuideStep> skipped,
      SettingsService.GuideStep step,
      String hint) {
    return skipped.contains(step) ? "Skipped in the setup guide. " + hint : hint;
  }

  private static List<String> problems(List<JobStatus> failed, List<OutboxItem> stuck) {
    List<String> out = new ArrayList<>();
    failed.forEach(j -> out.add("Job " + j.name() + " failed: " + j.last().message()));
    stuck.forEach(
        i ->
            out.add(
                "A "
                    + i.kind()
                    + " has waited since "
                    + i.createdAt()
                    + (i.lastError() == null ? "" : ": " + i.lastError())));
    return List.copyOf(out);
  }

  private List<Check> checklist(
      List<Plan> catalogue, List<JobStatus> failed, List<OutboxItem> stuck) {
    boolean mailStuck = stuck.stream().anyMatch(i -> i.kind().equals(MailService.KIND));
    boolean mailSet = settings.mailConfigured();
    boolean stripe = checkout.cardOffered();
    boolean paypal = checkout.paypalOffered();
    boolean paymentsTested =
        stripe && tests.tested(SetupChecks.Check.STRIPE)
            || paypal && tests.tested(SetupChecks.Check.PAYPAL);
    boolean tokensFailed = failed.stream().anyMatch(j -> j.name().equals(TOKENS));
    java.util.Set<SettingsService.GuideStep> skipped = settings.guideSkipped();
    return List.of(
        new Check(
            "Link a media server",
            !servers.list().isEmpty(),
            skippedFirst(
                skipped,
                SettingsService.GuideStep.SERVER,
                "Plex, Jellyfin or Emby: where customers watch."),
            Place.SERVERS),
        new Check(
            "Create a plan",
            !catalogue.isEmpty(),
            skippedFirst(
                skipped,
                SettingsService.GuideStep.PLAN,
                "What customers buy: price, length and libraries."),
            Place.PLANS),
        new Check(
            "Set up email and send a test",
            mailSet && tests.tested(SetupChecks.Check.MAIL),
            skippedFirst(
                skipped,
                SettingsService.GuideStep.MAIL,
                mailSet
                    ? "Send a test mail to show the mail server takes the settings as they are now."
                    : "Invitations, reminders and receipts go out by mail."),
            Place.EMAIL),
        new Check(
            "Set up and test a payment provider",
            paymentsTested,
            skippedFirst(
                skipped,
                SettingsService.GuideStep.PAYMENTS,
                stripe || paypal
                    ? "Test the Stripe or PayPal keys (Save and test) as they are now."
                    : "Stripe or PayPal keys: without them the checkout cannot charge."),
            Place.PAYMENT_SETTINGS),
        new Check(
            "Give the checkout a public address",
            !settings.checkoutPublicUrl().isEmpty(),
            skippedFirst(
                skipped,
                SettingsService.GuideStep.ADDRESS,
                "checkout.public-url: where customers reach the plans page."),
            Place.SETTINGS),
        new Check(
            "Every server's token works",
            !tokensFailed,
            "A server refused its token or key at the last check: link it again.",
            Place.SERVERS),
        new Check(
            "No mail stuck",
            !mailStuck,
            "A mail has waited over an hour: check the email settings.",
            Place.EMAIL),
        new Check(
            "Every job ran fine",
            failed.stream().allMatch(j -> j.name().equals(TOKENS)),
            "A job's last run failed: its message says why (a key, a server down).",
            Place.JOBS));
  }
}

package io.usher.cli;

import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanForm;
import picocli.CommandLine.Option;

/** The plan options shared by {@code plan add} and {@code plan set}; unset ones are null. */
final class PlanFields {
  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Plan name (with plan set: the new name).")
  String name;

  @Option(names = "--price", paramLabel = "AMOUNT", description = "Price per period, e.g. 12.50.")
  String price;

  @Option(names = "--currency", paramLabel = "CODE", description = "ISO currency code, e.g. USD.")
  String currency;

  @Option(names = "--days", paramLabel = "D", description = "Each payment lasts D days.")
  String days;

  @Option(
      names = "--months",
      paramLabel = "M",
      description = "Each payment lasts M calendar months.")
  String months;

  @Option(
      names = "--groups",
      paramLabel = "G[,G…]",
      description = "Library groups the plan grants.")
  String groups;

  @Option(names = "--streams", paramLabel = "S", description = "Concurrent streams allowed.")
  String streams;

  @Option(names = "--default", description = "Make this the default plan (imported users get it).")
  boolean makeDefault;

  @Option(
      names = "--trial",
      arity = "0..1",
      paramLabel = "B",
      fallbackValue = "true",
      description = "Trial plan.")
  Boolean trial;

  @Option(
      names = "--hidden",
      arity = "0..1",
      paramLabel = "B",
      fallbackValue = "true",
      description = "Hidden from the checkout page.")
  Boolean hidden;

  @Option(
      names = "--downloads",
      arity = "1",
      paramLabel = "B",
      description = "Downloads allowed (default false).")
  Boolean downloads;

  @Option(
      names = "--transcode",
      arity = "1",
      paramLabel = "B",
      description = "Video transcoding allowed (default true).")
  Boolean transcode;

  @Option(
      names = "--devices",
      paramLabel = "N",
      description = "Most Emby devices (empty: no limit).")
  String devices;

  @Option(names = "--subs", paramLabel = "N", description = "Most linked sub-accounts (default 0).")
  String subs;

  @Option(
      names = "--stripe-price",
      paramLabel = "ID",
      description = "Stripe price id (price_…): makes the plan recurring.")
  String stripePrice;

  @Option(
      names = "--paypal-plan",
      paramLabel = "ID",
      description =
          "PayPal Subscriptions plan id (P-…): PayPal renews the plan; without it PayPal sells one"
              + " period at a time.")
  String paypalPlan;

  /** The form after applying the given options on top of {@code base}. */
  PlanForm over(PlanForm base) {
    PlanDuration.Unit unit = base.unit();
    String duration = base.duration();
    if (days != null) {
      unit = PlanDuration.Unit.DAYS;
      duration = days;
    } else if (months != null) {
      unit = PlanDuration.Unit.MONTHS;
      duration = months;
    }
    return new PlanForm(
        or(name, base.name()),
        or(price, base.price()),
        or(currency, base.currency()),
        duration,
        unit,
        or(groups, base.groups()),
        or(streams, base.streams()),
        downloads != null ? downloads : base.downloads(),
        transcode != null ? transcode : base.transcode(),
        or(devices, base.devices()),
        trial != null ? trial : base.trial(),
        makeDefault || base.isDefault(),
        hidden != null ? hidden : base.hidden(),
        or(subs, base.subs()),
        or(stripePrice, base.stripePriceId()),
        or(paypalPlan, base.paypalPlanId()));
  }

  static final PlanForm EMPTY =
      new PlanForm(
          null, null, null, null, null, null, null, false, true, null, false, false, false, "0",
          null, null);

  private static String or(String value, String fallback) {
    return value != null ? value : fallback;
  }
}

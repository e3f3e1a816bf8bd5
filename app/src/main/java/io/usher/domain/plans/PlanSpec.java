package io.usher.domain.plans;

import io.usher.domain.common.Inputs;
import io.usher.domain.common.Problems;
import io.usher.domain.money.Money;
import java.util.List;
import java.util.Objects;

/**
 * Everything that defines a plan except its identity. Constructing one checks every rule that needs
 * no database; the rest (unique name, existing groups, one default) is the service's job.
 *
 * @param maxDevices null means no limit
 * @param stripePriceId null for one-time plans; set, the plan renews through Stripe
 * @param paypalPlanId null unless the plan renews through PayPal (a Subscriptions plan, P-…);
 *     without it PayPal sells the plan as one payment for one period
 */
public record PlanSpec(
    String name,
    Money price,
    PlanDuration duration,
    List<String> groups,
    int maxStreams,
    boolean downloads,
    boolean transcode,
    Integer maxDevices,
    boolean trial,
    boolean isDefault,
    boolean hidden,
    int maxSubs,
    String stripePriceId,
    String paypalPlanId) {

  public static final int MAX_NAME_LENGTH = 100;
  public static final String PRIVATE_GROUP = "Private";
  public static final int MAX_STRIPE_PRICE = 200;

  /** PayPal's limit on a plan id (Subscriptions v1 spec: 3 to 50 characters). */
  public static final int MAX_PAYPAL_PLAN = 50;

  private static final java.util.regex.Pattern PAYPAL_PLAN =
      java.util.regex.Pattern.compile("P-[A-Z0-9]{1,48}");

  public PlanSpec {
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(duration, "duration");
    name = name == null ? "" : name.strip();
    groups = groups == null ? List.of() : groups.stream().map(String::strip).distinct().toList();
    stripePriceId = stripePriceId == null || stripePriceId.isBlank() ? null : stripePriceId.strip();
    paypalPlanId = paypalPlanId == null || paypalPlanId.isBlank() ? null : paypalPlanId.strip();
    Problems problems = new Problems();
    if (name.isEmpty()) {
      problems.add("name", "Give the plan a name.");
    } else if (name.length() > MAX_NAME_LENGTH) {
      problems.add(
          "name", "The name is too long: keep it under " + MAX_NAME_LENGTH + " characters.");
    }
    if (groups.isEmpty()) {
      problems.add("groups", "Choose at least one library group the plan grants.");
    } else if (groups.stream().anyMatch(PRIVATE_GROUP::equalsIgnoreCase)) {
      problems.add("groups", "The Private group is never shared: choose another group.");
    }
    if (maxStreams < 1) {
      problems.add("streams", "Allow at least 1 stream.");
    }
    if (maxDevices != null && maxDevices < 1) {
      problems.add("devices", "Allow at least 1 device, or leave it empty for no limit.");
    }
    if (maxSubs < 0) {
      problems.add("subs", "Linked sub-accounts cannot be negative.");
    }
    if (trial && maxSubs > 0) {
      problems.add("subs", "A trial plan cannot have linked sub-accounts.");
    }
    if (stripePriceId != null && !stripePriceId.startsWith("price_")) {
      problems.add("stripePrice", "A Stripe price id starts with price_.");
    } else if (stripePriceId != null && stripePriceId.length() > MAX_STRIPE_PRICE) {
      problems.add("stripePrice", Inputs.tooLong("Stripe price id", MAX_STRIPE_PRICE));
    }
    if (paypalPlanId != null && !PAYPAL_PLAN.matcher(paypalPlanId).matches()) {
      problems.add(
          "paypalPlan",
          paypalPlanId.length() > MAX_PAYPAL_PLAN
              ? Inputs.tooLong("PayPal plan id", MAX_PAYPAL_PLAN)
              : "A PayPal plan id looks like P-5ML4271244454362W.");
    }
    problems.throwIfAny();
  }

  /** A plan that renews through no PayPal plan: the form most callers build. */
  public PlanSpec(
      String name,
      Money price,
      PlanDuration duration,
      List<String> groups,
      int maxStreams,
      boolean downloads,
      boolean transcode,
      Integer maxDevices,
      boolean trial,
      boolean isDefault,
      boolean hidden,
      int maxSubs,
      String stripePriceId) {
    this(
        name,
        price,
        duration,
        groups,
        maxStreams,
        downloads,
        transcode,
        maxDevices,
        trial,
        isDefault,
        hidden,
        maxSubs,
        stripePriceId,
        null);
  }

  public PlanSpec withDefault(boolean value) {
    return new PlanSpec(
        name,
        price,
        duration,
        groups,
        maxStreams,
        downloads,
        transcode,
        maxDevices,
        trial,
        value,
        hidden,
        maxSubs,
        stripePriceId,
        paypalPlanId);
  }

  public boolean recurring() {
    return stripePriceId != null || paypalPlanId != null;
  }
}

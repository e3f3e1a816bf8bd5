package io.usher.testing;

import io.usher.application.Usher;
import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanSpec;
import java.util.List;

/** Small builders shared by tests that work on a real ledger. */
public final class Fixtures {
  private Fixtures() {}

  public static PlanSpec plan(String name, String price, PlanDuration duration) {
    return plan(name, price, duration, null);
  }

  /** The same, with this most Emby devices (null: no limit). */
  public static PlanSpec plan(String name, String price, PlanDuration duration, Integer devices) {
    return new PlanSpec(
        name,
        Money.parse(price, Money.currency("USD")),
        duration,
        List.of("Standard"),
        2,
        false,
        true,
        devices,
        false,
        false,
        false,
        0,
        null);
  }

  /** A plan on the Standard group with one stream, as a trial or tied to a Stripe price. */
  public static PlanSpec plan(
      String name, String price, PlanDuration duration, boolean trial, String stripePriceId) {
    return new PlanSpec(
        name,
        Money.parse(price, Money.currency("USD")),
        duration,
        List.of("Standard"),
        trial ? 1 : 2,
        false,
        true,
        null,
        trial,
        false,
        false,
        0,
        stripePriceId);
  }

  /**
   * A plan on the Standard group with two streams, as {@link #plan(String, String, PlanDuration)}
   * but in any currency, with room for linked sub-accounts, and renewing through PayPal when {@code
   * paypalPlanId} is set.
   */
  public static PlanSpec plan(
      String name, Money price, PlanDuration duration, int maxSubs, String paypalPlanId) {
    return new PlanSpec(
        name,
        price,
        duration,
        List.of("Standard"),
        2,
        false,
        true,
        null,
        false,
        false,
        false,
        maxSubs,
        null,
        paypalPlanId);
  }

  /** Puts every library of every server in {@code group}, so plans granting it invite anywhere. */
  public static void everyLibraryIn(Usher usher, String group) {
    usher.servers().libraries(null).forEach(l -> usher.servers().setGroup(l.id(), group));
  }

  public static Plan monthly(Usher usher, String name, String price) {
    return usher.plans().create(plan(name, price, PlanDuration.months(1)));
  }
}

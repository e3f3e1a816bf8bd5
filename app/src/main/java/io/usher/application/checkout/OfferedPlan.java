package io.usher.application.checkout;

import java.util.List;

/**
 * A plan as a customer sees it on the checkout page: nothing of the admin side (no groups, ids,
 * provider prices).
 *
 * @param price the price as a customer reads it: "$12.50", "€10", "Free"
 * @param duration how long it lasts, e.g. "1 month"
 * @param per the price's period: "/month", "/year"
 * @param perMonth for a plan longer than a month, what it comes to per month ("$8.33/month"), with
 *     the saving against the monthly plan ("save 33%"); empty otherwise
 * @param devices the most Emby devices the plan allows; null when it sets no limit
 */
public record OfferedPlan(
    String name,
    String price,
    String duration,
    int streams,
    boolean downloads,
    boolean transcoding,
    boolean trial,
    String per,
    String perMonth,
    List<String> groups,
    Integer devices,
    boolean preselected) {

  /** The same plan chosen (or not) before the customer picks one. */
  public OfferedPlan preselected(boolean chosen) {
    return new OfferedPlan(
        name,
        price,
        duration,
        streams,
        downloads,
        transcoding,
        trial,
        per,
        perMonth,
        groups,
        devices,
        chosen);
  }
}

package io.usher.domain.reports;

import java.time.Instant;
import java.util.List;

/** The ledger's money, summed by the database for reports. */
public interface RevenueQueries {
  /**
   * Money received since {@code from}, summed by UTC day, source and plan: every payment but
   * credits (time given, no money) and the default payments of users found by sync, dated by the
   * earlier of when it was recorded and when its period starts.
   */
  List<RevenueDay> revenueSince(Instant from);

  /** The subscriptions' payments (payers', not linked copies) whose period runs at {@code now}. */
  List<RunningSubscription> runningSubscriptions(Instant now);

  /**
   * How many users had paid-for time running at each moment (a payment of any kind whose period
   * contains it), in the moments' order.
   */
  List<Integer> activeUsersAt(List<Instant> moments);

  /**
   * Customers who joined since {@code since}: users added then who have a payment other than the
   * default one sync gives an account it found (so a sync's imports are not sign-ups), newest
   * first, at most {@code limit}.
   */
  List<SignUp> signUpsSince(Instant since, int limit);

  /** A new customer and when they joined. */
  record SignUp(long userId, String label, Instant joined) {}
}

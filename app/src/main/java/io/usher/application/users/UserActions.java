package io.usher.application.users;

import io.usher.application.expiry.Dates;
import io.usher.application.notify.Notifier;
import io.usher.application.payments.CurrentPlan;
import io.usher.application.payments.PaymentLanding;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.Access;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.ledger.TxnRef;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.plans.Plan;
import io.usher.domain.users.User;
import io.usher.domain.users.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the owner does to one user or a selection from the Users screen (and {@code usher user
 * extend|remind}): give days for free, or send the expiry reminder now. Each first says per user
 * what it would do (the preview the window shows), then does all of it in one transaction or none.
 */
public final class UserActions {
  /** The most days given at once: ten years. */
  public static final int MAX_DAYS = 3_650;

  /** One user's line in a preview or a result. */
  public record Outcome(long userId, String who, State state, String what) {
    /** Done (or, in a preview, would be done); skipped with the reason; tried and failed. */
    public enum State {
      DONE,
      SKIPPED,
      FAILED
    }

    public boolean done() {
      return state == State.DONE;
    }

    static Outcome done(User user, String what) {
      return new Outcome(user.id(), user.who(), State.DONE, what);
    }

    static Outcome skipped(User user, String why) {
      return new Outcome(user.id(), user.who(), State.SKIPPED, why);
    }

    static Outcome failed(User user, String why) {
      return new Outcome(user.id(), user.who(), State.FAILED, why);
    }
  }

  private final Transactions tx;
  private final UserStore users;
  private final PaymentStore payments;
  private final CurrentPlan plans;
  private final PaymentLanding landing;
  private final Notifier notifier;
  private final Clock clock;

  public UserActions(
      Transactions tx,
      UserStore users,
      PaymentStore payments,
      CurrentPlan plans,
      PaymentLanding landing,
      Notifier notifier,
      Clock clock) {
    this.tx = tx;
    this.users = users;
    this.payments = payments;
    this.plans = plans;
    this.landing = landing;
    this.notifier = notifier;
    this.clock = clock;
  }

  /**
   * Gives each user {@code days} on their current plan from the end of their paid time (or now), as
   * a {@code credit} payment of no money; their share is queued as for any payment. A user who
   * never paid has no plan to extend and is skipped.
   *
   * @param dryRun only say what would happen
   */
  public List<Outcome> extend(List<Long> userIds, int days, boolean dryRun) {
    if (days < 1 || days > MAX_DAYS) {
      throw ValidationException.of(
          "days", "Give from 1 to " + MAX_DAYS + " days, not " + days + ".");
    }
    return tx.inTransaction(
        () -> {
          List<Outcome> out = new ArrayList<>();
          for (User user : chosen(users, userIds)) {
            Optional<Plan> plan = plans.of(user);
            if (plan.isEmpty()) {
              out.add(Outcome.skipped(user, "has never paid, so there is no plan to extend"));
              continue;
            }
            Instant from = landing.renewalStart(user);
            Instant until = from.plus(Duration.ofDays(days));
            String what =
                "+"
                    + days
                    + (days == 1 ? " day" : " days")
                    + " of "
                    + plan.get().name()
                    + ", until "
                    + Dates.day(until);
            if (!dryRun) {
              PaymentLanding.Landed landed =
                  landing.credit(
                      user,
                      plan.get(),
                      Duration.ofDays(days).toSeconds(),
                      new TxnRef("extend-" + UUID.randomUUID(), 1),
                      "Extended by the owner: " + days + " days");
              what += landed.clause();
            }
            out.add(Outcome.done(user, what));
          }
          return out;
        });
  }

  /**
   * Sends each active user the "expiring soon" reminder now, by mail and Discord as the timed one
   * goes. Users without paid time running, or without an email, are skipped.
   */
  public List<Outcome> remind(List<Long> userIds, boolean dryRun) {
    Instant now = clock.instant();
    return tx.inTransaction(
        () -> {
          List<Outcome> out = new ArrayList<>();
          for (User user : chosen(users, userIds)) {
            Instant expires =
                Access.expiry(payments.forUser(user.id()).stream().map(Payment::period).toList())
                    .orElse(null);
            if (user.email() == null) {
              out.add(Outcome.skipped(user, "has no email to write to"));
            } else if (expires == null || !expires.isAfter(now)) {
              out.add(Outcome.skipped(user, "has no paid time running to be reminded of"));
            } else {
              if (!dryRun) {
                notifier.queue(
                    MailEvent.EXPIRING_SOON,
                    user.email(),
                    Dates.reminder(
                        user.spec().name(),
                        user.email(),
                        plans.of(user).map(Plan::name).orElse(null),
                        expires,
                        Math.max(0, Duration.between(now, expires).toDays())));
              }
              out.add(Outcome.done(user, "reminded that access ends on " + Dates.day(expires)));
            }
          }
          return out;
        });
  }

  static List<User> chosen(UserStore users, List<Long> userIds) {
    if (userIds.isEmpty()) {
      throw ValidationException.of("users", "Choose at least one user.");
    }
    return userIds.stream()
        .distinct()
        .map(
            id ->
                users
                    .byId(id)
                    .orElseThrow(
                        () ->
                            ValidationException.of("users", "User #" + id + " no longer exists.")))
        .toList();
  }
}

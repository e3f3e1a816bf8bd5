package io.usher.application.checkout;

import io.usher.application.discounts.DiscountService;
import io.usher.application.invites.InviteRequest;
import io.usher.application.invites.InviteResult;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.invites.NoServerException;
import io.usher.domain.ledger.LedgerQueries;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.ledger.UserStatus;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.payments.PendingOrderStore;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanSpec;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.settings.Settings;
import io.usher.domain.users.UserStore;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.function.Function;

/**
 * Orders that get access without a payment page: free trials (one per email, a cap on trial users
 * at once) and codes that take the whole price off. The invite happens here, and the customer is in
 * at once.
 */
final class FreeAccess {
  private final Transactions tx;
  private final PlanStore plans;
  private final PendingOrderStore orders;
  private final UserStore users;
  private final LedgerQueries ledger;
  private final Function<InviteRequest, InviteResult> invite;
  private final DiscountService discounts;
  private final Clock clock;
  private final Settings settings;
  private final CheckoutLinks links;

  FreeAccess(
      Transactions tx,
      PlanStore plans,
      PendingOrderStore orders,
      UserStore users,
      LedgerQueries ledger,
      Function<InviteRequest, InviteResult> invite,
      DiscountService discounts,
      Clock clock,
      Settings settings,
      CheckoutLinks links) {
    this.links = links;
    this.tx = tx;
    this.plans = plans;
    this.orders = orders;
    this.users = users;
    this.ledger = ledger;
    this.invite = invite;
    this.discounts = discounts;
    this.clock = clock;
    this.settings = settings;
  }

  /** One trial per email, and at most {@code trial.max-users} trial users at once (0: no cap). */
  void checkTrial(String email) {
    Set<String> trialPlans =
        plans.all().stream()
            .filter(p -> p.spec().trial())
            .map(Plan::name)
            .collect(java.util.stream.Collectors.toSet());
    boolean hadOne =
        users
            .byEmail(email)
            .map(
                u ->
                    ledger.payments(new PaymentFilter(u.id(), null, null)).stream()
                        .anyMatch(p -> trialPlans.contains(p.plan())))
            .orElse(false);
    if (hadOne) {
      throw ValidationException.of(
          "plan", "This email has had a trial already: choose one of the paid plans.");
    }
    int cap = settings.trialMaxUsers();
    if (cap > 0) {
      long onTrial =
          ledger.users(clock.instant()).stream()
              .filter(u -> u.status() == UserStatus.ACTIVE && !u.permanent())
              .filter(u -> trialPlans.contains(u.plan()))
              .count();
      if (onTrial >= cap) {
        throw ValidationException.of(
            "plan", "Trials are full right now: choose one of the paid plans or try again later.");
      }
    }
  }

  /** A free trial needs no payment page: the invite happens here, and the customer is in. */
  URI trial(String reference, String email, PlanSpec spec, String location) {
    return free("trial", reference, email, spec, location);
  }

  /**
   * A code that takes the whole price off needs no payment page either. Its use is claimed before
   * the invite (so two tabs, or two customers after the last use, cannot both have it) and taken
   * back if the invite fails.
   */
  URI withCode(String reference, String email, PlanSpec spec, String location, String code) {
    tx.run(() -> discounts.claim(code, email, "free-" + reference));
    try {
      return free("free", reference, email, spec, location);
    } catch (RuntimeException e) {
      tx.run(
          () -> {
            discounts.unredeem(code, email);
            orders.discard(reference);
          });
      throw e;
    }
  }

  /**
   * Invites at once without a payment page; {@code kind} ("trial", "free") prefixes the session and
   * the payment's transaction id.
   */
  private URI free(String kind, String reference, String email, PlanSpec spec, String location) {
    String session = kind + "_" + reference;
    tx.run(() -> orders.setSession(reference, session));
    try {
      invite.apply(
          new InviteRequest(
              email,
              spec.name(),
              null,
              location,
              null,
              kind + "-" + reference,
              1,
              null,
              "0",
              null,
              null,
              1,
              null));
    } catch (NoServerException full) {
      // The invite already alerted the owner; the customer only needs to know it is not them.
      throw new UsherException(
          "There is no room for "
              + (kind.equals("trial") ? "a new trial" : "new customers")
              + " right now; please try again later.",
          full);
    } catch (MediaServerException e) {
      org.slf4j.LoggerFactory.getLogger(FreeAccess.class)
          .warn("Free order {} for {} failed: {}", reference, email, e.getMessage());
      throw new UsherException(
          e.kind() == MediaServerException.Kind.INVALID_ACCOUNT
              ? "That email is not an account the server accepts: use the email you sign in with."
              : "Your access could not be set up right now; please try again later.",
          e);
    }
    return URI.create(links.returned(session));
  }
}

package io.usher.application.accounts;

import io.usher.application.checkout.CheckoutForm;
import io.usher.application.checkout.CheckoutService;
import io.usher.application.checkout.OfferedPlan;
import io.usher.application.invites.InviteService;
import io.usher.application.invites.OwnerAlert;
import io.usher.application.payments.CurrentPlan;
import io.usher.application.referrals.ReferralService;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.invites.NoServerException;
import io.usher.domain.ledger.Access;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.ledger.Period;
import io.usher.domain.ledger.UserStatus;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerStore;
import io.usher.domain.servers.Share;
import io.usher.domain.servers.ShareStore;
import io.usher.domain.users.Emails;
import io.usher.domain.users.User;
import io.usher.domain.users.UserStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The customer account page's use cases. Every call takes the sign-in token and checks it again, so
 * a link that expired while the page was open stops working; every refusal is one sentence for the
 * customer (the owner's sentences go to the owner), and nothing is half-done.
 */
public final class CustomerAccountService {
  private final Transactions tx;
  private final AccountLinkService links;
  private final UserStore users;
  private final PaymentStore payments;
  private final PlanStore plans;
  private final ServerStore servers;
  private final ShareStore shares;
  private final CheckoutService checkout;
  private final InviteService invites;
  private final AccountChangeService accounts;
  private final AuditLog audit;
  private final OwnerAlert alert;
  private final Clock clock;

  private final ReferralService referrals;

  public CustomerAccountService(
      Transactions tx,
      AccountLinkService links,
      UserStore users,
      PaymentStore payments,
      PlanStore plans,
      ServerStore servers,
      ShareStore shares,
      CheckoutService checkout,
      InviteService invites,
      AccountChangeService accounts,
      AuditLog audit,
      OwnerAlert alert,
      ReferralService referrals,
      Clock clock) {
    this.referrals = referrals;
    this.tx = tx;
    this.links = links;
    this.users = users;
    this.payments = payments;
    this.plans = plans;
    this.servers = servers;
    this.shares = shares;
    this.checkout = checkout;
    this.invites = invites;
    this.accounts = accounts;
    this.audit = audit;
    this.alert = alert;
    this.clock = clock;
  }

  /**
   * @throws LinkExpiredException when the token signs no one in
   */
  public AccountView view(String token) {
    return view(signedIn(token));
  }

  /**
   * Starts the payment of a renewal, as the plans page would for the customer's email.
   *
   * @param plan the plan to buy; blank for the customer's own
   * @param discount the discount code the customer typed; blank for none
   * @return the payment provider's page
   * @throws ValidationException when that plan cannot be bought
   */
  public URI renew(String token, String plan, String discount) {
    User user = signedIn(token);
    if (user.spec().mustChangeAccount() && checkout.plexChangeForced()) {
      throw new ConflictException("Please change your Plex account first, then renew.");
    }
    String wanted = plan == null || plan.isBlank() ? view(user).renewPlan() : plan.strip();
    if (wanted == null) {
      throw ValidationException.of("plan", "Choose one of the plans to renew.");
    }
    boolean paid =
        checkout.offerFor(user).stream()
            .anyMatch(p -> !p.trial() && p.name().equalsIgnoreCase(wanted));
    if (!paid) {
      throw ValidationException.of("plan", "Choose one of the plans on this page.");
    }
    return checkout.start(
        new CheckoutForm(user.email(), wanted, "", discount == null ? "" : discount));
  }

  /**
   * Queues a new invitation for a paid-up customer who is on no server, through the same outbox
   * share a payment uses (a kept Jellyfin/Emby account is enabled again).
   *
   * @return the server the invitation comes from
   */
  public String reinvite(String token) {
    User user = signedIn(token);
    AccountView view = view(user);
    if (!view.canReinvite()) {
      throw new ConflictException(
          view.inviteQueued()
              ? "Your invitation is already on its way; it reaches you within a few minutes."
              : view.status() != UserStatus.ACTIVE
                  ? "Your access has ended: renew to be invited again."
                  : view.mustChangeAccount()
                      ? "Please change your Plex account first; the invitation then follows."
                      : "You have access already, so there is nothing to re-invite.");
    }
    Plan plan = lastPlan(user).orElseThrow();
    try {
      return tx.inTransaction(
          () -> {
            String server =
                invites
                    .queueShare(user, plan)
                    .orElseThrow(
                        () -> new ConflictException("Your invitation is already on its way."));
            audit.record("user", user.id(), "re-invite asked", "from the account page: " + server);
            return server;
          });
    } catch (NoServerException full) {
      // The alert queued while choosing a server was rolled back with the rest: record it anew.
      tx.run(
          () ->
              alert.alert(
                  full.getMessage()
                      + " (re-invite of "
                      + user.email()
                      + " from the account page)"));
      throw new UsherException(
          "There is no room on our servers right now; the owner has been told. Please try again"
              + " later.",
          full);
    } catch (ConflictException e) {
      throw e;
    } catch (UsherException e) {
      alert.alert("Re-invite of " + user.email() + " from the account page: " + e.getMessage());
      throw new UsherException(
          "Your invitation could not be set up right now; the owner has been told. Please try"
              + " again later.",
          e);
    }
  }

  /**
   * Moves a customer tagged "must change Plex account" to the Plex account of {@code newEmail}: the
   * new account is invited first, so an email Plex does not know changes nothing.
   *
   * @return the new email
   * @throws ValidationException with field {@code newEmail} for an email that cannot be used
   */
  public String changePlex(String token, String newEmail) {
    User user = signedIn(token);
    if (!user.spec().mustChangeAccount()) {
      throw new ConflictException("Your account does not need a new Plex account.");
    }
    String to = Emails.normalize("newEmail", newEmail);
    if (to.equals(user.email())) {
      throw ValidationException.of(
          "newEmail", "That is the email you have now: type the email of your new Plex account.");
    }
    if (users.byEmail(to).isPresent()) {
      throw ValidationException.of(
          "newEmail", "That email cannot be used for this account; if it is yours, contact us.");
    }
    List<String> leftovers;
    try {
      leftovers = accounts.change(user.email(), to).leftovers();
    } catch (MediaServerException e) {
      alert.alert("Moving " + user.email() + " to " + to + " failed: " + e.getMessage());
      throw new UsherException(
          "Plex could not be reached just now, so nothing was changed. Please try again in a few"
              + " minutes.",
          e);
    } catch (ConflictException e) {
      throw ValidationException.of(
          "newEmail", "That email cannot be used for this account; if it is yours, contact us.");
    } catch (UsherException e) {
      if (e.getCause() instanceof MediaServerException m
          && m.kind() == MediaServerException.Kind.INVALID_ACCOUNT) {
        throw ValidationException.of(
            "newEmail",
            "Plex does not know "
                + to
                + " as an account: type the email you sign in to Plex with.");
      }
      throw e;
    }
    leftovers.forEach(
        line -> alert.alert("After " + user.email() + " moved to " + to + ": " + line));
    return to;
  }

  private User signedIn(String token) {
    return links.user(token).orElseThrow(LinkExpiredException::new);
  }

  private AccountView view(User user) {
    Instant now = clock.instant();
    List<Period> periods = payments.forUser(user.id()).stream().map(Payment::period).toList();
    UserStatus status = Access.status(user.permanent(), periods, now);
    Optional<Plan> plan = lastPlan(user);
    List<AccountView.ServerAccess> on =
        shares.forUser(user.id()).stream()
            .filter(Share::active)
            .map(
                s ->
                    new AccountView.ServerAccess(
                        servers.byId(s.serverId()).map(Server::name).orElse("a server"),
                        s.pending()))
            .toList();
    boolean queued = invites.shareQueued(user.id());
    List<OfferedPlan> offer = checkout.offerFor(user).stream().filter(p -> !p.trial()).toList();
    String renewPlan =
        plan.flatMap(
                p -> offer.stream().filter(o -> o.name().equalsIgnoreCase(p.name())).findFirst())
            .map(OfferedPlan::name)
            .orElse(null);
    boolean mustChange = user.spec().mustChangeAccount();
    return new AccountView(
        user.email(),
        user.spec().name(),
        plan.map(Plan::name).orElse(null),
        Access.expiry(periods).orElse(null),
        user.permanent(),
        status,
        on,
        mustChange,
        status == UserStatus.ACTIVE && !mustChange && plan.isPresent() && on.isEmpty() && !queued,
        queued,
        renewPlan,
        offer,
        referrals(user));
  }

  private AccountView.Referrals referrals(User user) {
    if (!referrals.terms().on()) {
      return null;
    }
    ReferralService.Summary summary = referrals.summary(user.id());
    return new AccountView.Referrals(
        summary.link(), summary.code(), summary.referred().size(), summary.bonusSeconds());
  }

  /** The plan of the payment that ends last, as the Users screen shows it. */
  private Optional<Plan> lastPlan(User user) {
    return new CurrentPlan(payments, plans).of(user);
  }
}

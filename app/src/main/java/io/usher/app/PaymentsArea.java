package io.usher.app;

import io.usher.application.invites.InviteService;
import io.usher.application.payments.EventFeedSync;
import io.usher.application.payments.PaymentHistorySync;
import io.usher.application.payments.PaymentLanding;
import io.usher.application.payments.PaymentService;
import io.usher.application.payments.PaymentsJob;
import io.usher.application.payments.PlanChangeService;
import io.usher.application.payments.ProviderWebhooks;
import io.usher.application.payments.RecordProviderPayment;
import io.usher.application.payments.UnmatchedPaymentService;
import io.usher.application.referrals.ReferralService;
import io.usher.application.users.UserActions;
import io.usher.checkout.WebLinks;
import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.payments.PaymentProvider;
import io.usher.domain.settings.SettingsStore;
import io.usher.http.Http;
import io.usher.payments.paypal.PayPalClient;
import io.usher.payments.paypal.PayPalHistory;
import io.usher.payments.stripe.StripeWebhooks;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Money: payments by hand and from Stripe and PayPal, plan changes, referrals and the payments job.
 * Built on first use; the Stripe SDK and the PayPal clients only when a command reaches them.
 */
final class PaymentsArea {
  final Lazy<PaymentProvider> provider;
  final Lazy<PlanChangeService> planChanges;
  final Lazy<PaymentService> payments;
  final Lazy<PaymentLanding> landing;
  final Lazy<UserActions> userActions;
  final Lazy<ReferralService> referrals;
  final Lazy<RecordProviderPayment> stripePayments;
  final Lazy<RecordProviderPayment> paypalPayments;
  final Lazy<PayPalClient> paypalPrimary;
  final Lazy<UnmatchedPaymentService> unmatched;
  final Lazy<ProviderWebhooks> webhooks;
  final Lazy<PaymentsJob> paymentsJob;

  PaymentsArea(
      LedgerArea l,
      NotifyArea notify,
      Lazy<InviteService> invites,
      Lazy<WebLinks> webLinks,
      Function<SettingsStore, PaymentProvider> stripe) {
    Clock clock = l.clock;
    provider = Lazy.of(() -> stripe.apply(l.settingsStore.get()));
    planChanges =
        Lazy.of(
            () ->
                new PlanChangeService(
                    l.tx.get(),
                    l.userStore.get(),
                    l.planStore.get(),
                    l.paymentStore.get(),
                    l.audit.get(),
                    l.links.get(),
                    invites.get(),
                    clock));
    payments =
        Lazy.of(
            () ->
                new PaymentService(
                    l.tx.get(),
                    l.paymentStore.get(),
                    l.userStore.get(),
                    l.planStore.get(),
                    l.audit.get(),
                    l.links.get(),
                    planChanges.get()::creditBeforePurchase,
                    clock));
    landing =
        Lazy.of(
            () ->
                new PaymentLanding(
                    l.paymentStore.get(),
                    l.audit.get(),
                    l.links.get(),
                    invites.get(),
                    planChanges.get(),
                    clock));
    userActions =
        Lazy.of(
            () ->
                new UserActions(
                    l.tx.get(),
                    l.userStore.get(),
                    l.paymentStore.get(),
                    l.currentPlans.get(),
                    landing.get(),
                    notify.notifier.get(),
                    clock));
    referrals =
        Lazy.of(
            () ->
                new ReferralService(
                    l.tx.get(),
                    l.referralStore.get(),
                    l.userStore.get(),
                    l.planStore.get(),
                    l.paymentStore.get(),
                    landing.get(),
                    l.audit.get(),
                    l.settings.get(),
                    webLinks.get()::referral,
                    clock));
    stripePayments = Lazy.of(() -> fromProvider(l, notify, PaymentSource.STRIPE));
    paypalPayments = Lazy.of(() -> fromProvider(l, notify, PaymentSource.PAYPAL));
    Lazy<Http> paypalHttp = Lazy.of(MediaWiring::http);
    paypalPrimary =
        Lazy.of(() -> paypal(paypalHttp.get(), l.settingsStore.get(), "paypal.", clock));
    unmatched =
        Lazy.of(
            () ->
                new UnmatchedPaymentService(
                    l.tx.get(),
                    l.unmatchedStore.get(),
                    l.userStore.get(),
                    l.planStore.get(),
                    l.paymentStore.get(),
                    landing.get(),
                    l.audit.get(),
                    clock));
    webhooks =
        Lazy.of(
            () ->
                new ProviderWebhooks(
                    new StripeWebhooks(clock), stripePayments.get(), l.settings.get()));
    paymentsJob =
        Lazy.of(
            () ->
                new PaymentsJob(
                    List.of(
                        new EventFeedSync(
                            "Stripe",
                            "internal.stripe-cursor",
                            provider.get(),
                            () -> !l.settings.get().stripeSecretKey().isEmpty(),
                            l.settings.get().stripePoll(),
                            stripePayments.get(),
                            l.settingsStore.get())),
                    List.of(
                        paypalSync("PayPal", "internal.paypal.cursor", paypalPrimary.get(), l),
                        paypalSync(
                            "PayPal (second account)",
                            "internal.paypal.secondary-cursor",
                            paypal(
                                paypalHttp.get(),
                                l.settingsStore.get(),
                                "paypal.secondary-",
                                clock),
                            l)),
                    l.settings.get()));
  }

  /** What lands a payment from a provider (matched to a user, or parked for the owner). */
  private RecordProviderPayment fromProvider(
      LedgerArea l, NotifyArea notify, PaymentSource source) {
    return new RecordProviderPayment(
        l.tx.get(),
        l.userStore.get(),
        l.planStore.get(),
        l.paymentStore.get(),
        l.unmatchedStore.get(),
        l.audit.get(),
        landing.get(),
        l.pendingOrders.get()::byReference,
        l.discounts.get(),
        referrals.get(),
        notify.alertOwner::alert,
        source,
        l.clock);
  }

  /**
   * A PayPal account: its settings prefix ({@code paypal.} or {@code paypal.secondary-}) picks the
   * keys; the address and keys are read on every call. One client per account, so the checkout and
   * the sync share its token.
   */
  private static PayPalClient paypal(
      Http http, SettingsStore settings, String prefix, Clock clock) {
    AppConfig config = new AppConfig(System.getenv(), settings);
    return new PayPalClient(
        http,
        config::paypalApiUrl,
        () -> settings.get(prefix + "client-id").orElse(""),
        () -> settings.get(prefix + "secret").orElse(""),
        prefix,
        clock,
        io.usher.http.Sleeper.REAL);
  }

  /** One PayPal account's reads, kept apart by its settings prefix and cursor. */
  private PaymentHistorySync paypalSync(
      String label, String cursorKey, PayPalClient account, LedgerArea l) {
    return new PaymentHistorySync(
        label,
        cursorKey,
        new PayPalHistory(account),
        account::configured,
        paypalPayments.get(),
        l.paymentStore.get(),
        l.settingsStore.get(),
        l.clock);
  }
}

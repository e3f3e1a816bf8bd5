package io.usher.app;

import io.usher.application.accounts.AccountLinkService;
import io.usher.application.accounts.CustomerAccountService;
import io.usher.application.checkout.CheckoutService;
import io.usher.checkout.WebLinks;
import io.usher.payments.paypal.PayPalCheckout;
import io.usher.store.JooqAccountLinkStore;

/**
 * What customers reach: the checkout's orders, sign-in links and the account page. On first use.
 */
final class CheckoutArea {
  final Lazy<WebLinks> webLinks;
  final Lazy<CheckoutService> checkout;
  final Lazy<AccountLinkService> accountLinks;
  final Lazy<CustomerAccountService> customerAccounts;

  CheckoutArea(
      LedgerArea l,
      NotifyArea notify,
      MediaArea media,
      PaymentsArea money,
      Lazy<WebLinks> webLinks) {
    this.webLinks = webLinks;
    checkout =
        Lazy.of(
            () ->
                new CheckoutService(
                    l.tx.get(),
                    l.planStore.get(),
                    l.serverStore.get(),
                    l.locationStore.get(),
                    l.pendingOrders.get(),
                    money.provider.get(),
                    new PayPalCheckout(money.paypalPrimary.get()),
                    money.paypalPayments.get()::apply,
                    l.userStore.get(),
                    l.ledgerQueries.get(),
                    media.invites.get()::invite,
                    l.discounts.get(),
                    money.referrals.get(),
                    l.clock,
                    l.settings.get(),
                    webLinks.get()));
    accountLinks =
        Lazy.of(
            () ->
                new AccountLinkService(
                    l.tx.get(),
                    new JooqAccountLinkStore(l.dsl()),
                    l.userStore.get(),
                    l.outbox.get(),
                    notify.mail.get()::send,
                    l.settings.get(),
                    webLinks.get()::account,
                    l.clock));
    customerAccounts =
        Lazy.of(
            () ->
                new CustomerAccountService(
                    l.tx.get(),
                    accountLinks.get(),
                    l.userStore.get(),
                    l.paymentStore.get(),
                    l.planStore.get(),
                    l.serverStore.get(),
                    l.shareStore.get(),
                    checkout.get(),
                    media.invites.get(),
                    media.accounts.get(),
                    l.audit.get(),
                    notify.alertOwner,
                    money.referrals.get(),
                    l.clock));
  }
}

package io.usher.application;

import io.usher.application.accounts.AccountChangeService;
import io.usher.application.accounts.AccountLinkService;
import io.usher.application.accounts.CustomerAccountService;
import io.usher.application.backups.BackupService;
import io.usher.application.checkout.CheckoutService;
import io.usher.application.discounts.DiscountService;
import io.usher.application.enforce.ActivityService;
import io.usher.application.expiry.ExpireJob;
import io.usher.application.imports.CsvImportService;
import io.usher.application.invites.InviteService;
import io.usher.application.jobs.JobService;
import io.usher.application.links.LinkService;
import io.usher.application.notify.DiscordService;
import io.usher.application.notify.MailService;
import io.usher.application.outbox.OutboxService;
import io.usher.application.payments.PaymentService;
import io.usher.application.payments.PlanChangeService;
import io.usher.application.payments.ProviderWebhooks;
import io.usher.application.payments.UnmatchedPaymentService;
import io.usher.application.plans.PlanService;
import io.usher.application.queries.LedgerQueryService;
import io.usher.application.servers.PlexSignIn;
import io.usher.application.servers.ServerService;
import io.usher.application.settings.SettingsService;
import io.usher.application.sync.SyncService;
import io.usher.application.users.UserService;

/**
 * The use cases of one open data directory, as the fronts (window, CLI, checkout, jobs) see them.
 * Closing it releases the database.
 */
public interface Usher extends AutoCloseable {
  PlanService plans();

  /** Discount codes: the owner's list, and their use at the checkout. */
  DiscountService discounts();

  UserService users();

  PaymentService payments();

  /** Moving a user to another plan now, the unused time credited (usher plan change). */
  PlanChangeService planChanges();

  /** The users or the payments as a CSV file. */
  io.usher.application.exports.ExportService exports();

  /** Tests of the payment keys and the mail, each pass remembered for the setup checklist. */
  io.usher.application.settings.SetupTests tests();

  /** Who seems to share their account, from the streams seen. */
  io.usher.application.sharing.SharingService sharing();

  /** What the dashboard shows: counts, money, lists, problems and the setup checklist. */
  io.usher.application.reports.DashboardService dashboard();

  /** Referral codes, and the days a referral earns the referrer. */
  io.usher.application.referrals.ReferralService referrals();

  /** Payments from a provider that matched no user, waiting for the owner to assign or dismiss. */
  UnmatchedPaymentService unmatched();

  LedgerQueryService queries();

  SettingsService settings();

  ServerService servers();

  /** "Sign in with Plex": the token for linking a Plex server without pasting one. */
  PlexSignIn plexSignIn();

  /** Extend or remind one user or a selection, with a preview first. */
  io.usher.application.users.UserActions userActions();

  io.usher.application.users.AccessActions accessActions();

  /** Moving users from one server to another, with a preview and a per-user report. */
  io.usher.application.migrations.MigrationService migrations();

  SyncService sync();

  InviteService invites();

  OutboxService outbox();

  LinkService links();

  AccountChangeService accounts();

  JobService jobs();

  /** Backups of the ledger taken by hand; the daily one is the "backup" job. */
  BackupService backups();

  ProviderWebhooks webhooks();

  /** The public checkout page's use cases: what is on offer, and starting an order. */
  CheckoutService checkout();

  /** Sign-in links to the customer account page, mailed on request. */
  AccountLinkService accountLinks();

  /** The customer account page: what it shows, renew, re-invite, change Plex account. */
  CustomerAccountService customerAccounts();

  /** Email: queued with the change that causes it, templates, the test mail. */
  MailService mail();

  CsvImportService imports();

  /** Discord: direct messages from the mail templates, queued like mail; the bot check. */
  DiscordService discord();

  /** The expire job: its preview (who would lose access, and why) and a run by hand. */
  ExpireJob expiry();

  /** What enforcement did: stopped streams and why. */
  ActivityService activity();

  /** Where this instance keeps its database and logs, for display. */
  java.nio.file.Path dataDir();

  @Override
  void close();
}

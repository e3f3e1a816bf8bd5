package io.usher.app;

import io.usher.application.Pause;
import io.usher.application.Usher;
import io.usher.application.accounts.AccountChangeService;
import io.usher.application.accounts.AccountLinkService;
import io.usher.application.accounts.CustomerAccountService;
import io.usher.application.backups.BackupJob;
import io.usher.application.backups.BackupService;
import io.usher.application.checkout.CheckoutService;
import io.usher.application.discounts.DiscountService;
import io.usher.application.enforce.ActivityService;
import io.usher.application.enforce.EnforceJob;
import io.usher.application.expiry.ExpireJob;
import io.usher.application.expiry.RemindJob;
import io.usher.application.imports.CsvImportService;
import io.usher.application.invites.InviteService;
import io.usher.application.invites.OwnerAlert;
import io.usher.application.jobs.ActivesJob;
import io.usher.application.jobs.JobService;
import io.usher.application.jobs.OutboxJob;
import io.usher.application.jobs.ShareChangesJob;
import io.usher.application.jobs.SyncJob;
import io.usher.application.jobs.TokensJob;
import io.usher.application.links.LinkService;
import io.usher.application.migrations.MigrationService;
import io.usher.application.notify.DiscordRolesJob;
import io.usher.application.notify.DiscordService;
import io.usher.application.notify.MailAndDiscord;
import io.usher.application.notify.MailService;
import io.usher.application.notify.Notifier;
import io.usher.application.notify.WelcomeMails;
import io.usher.application.outbox.OutboxService;
import io.usher.application.payments.CurrentPlan;
import io.usher.application.payments.EventFeedSync;
import io.usher.application.payments.PaymentHistorySync;
import io.usher.application.payments.PaymentLanding;
import io.usher.application.payments.PaymentService;
import io.usher.application.payments.PaymentsJob;
import io.usher.application.payments.PlanChangeService;
import io.usher.application.payments.ProviderWebhooks;
import io.usher.application.payments.RecordProviderPayment;
import io.usher.application.payments.UnmatchedPaymentService;
import io.usher.application.plans.PlanService;
import io.usher.application.queries.LedgerQueryService;
import io.usher.application.referrals.ReferralService;
import io.usher.application.servers.PlexSignIn;
import io.usher.application.servers.ServerService;
import io.usher.application.settings.SettingsService;
import io.usher.application.settings.SetupChecks;
import io.usher.application.sync.SyncService;
import io.usher.application.users.AccessActions;
import io.usher.application.users.UserActions;
import io.usher.application.users.UserService;
import io.usher.checkout.WebLinks;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.media.MediaServers;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.payments.PaymentProvider;
import io.usher.domain.settings.SettingsStore;
import io.usher.http.Http;
import io.usher.notify.discord.DiscordClient;
import io.usher.notify.mail.SmtpMailSender;
import io.usher.payments.paypal.PayPalCheckout;
import io.usher.payments.paypal.PayPalClient;
import io.usher.payments.paypal.PayPalHistory;
import io.usher.payments.stripe.StripeProvider;
import io.usher.payments.stripe.StripeWebhooks;
import io.usher.store.JooqAccountLinkStore;
import io.usher.store.JooqActivityStore;
import io.usher.store.JooqAuditLog;
import io.usher.store.JooqDiscordRoleStore;
import io.usher.store.JooqDiscountStore;
import io.usher.store.JooqExpiryQueries;
import io.usher.store.JooqJobRunStore;
import io.usher.store.JooqLedgerQueries;
import io.usher.store.JooqLibraryGroupStore;
import io.usher.store.JooqLibraryStore;
import io.usher.store.JooqLocationStore;
import io.usher.store.JooqOutboxStore;
import io.usher.store.JooqPaymentStore;
import io.usher.store.JooqPendingOrderStore;
import io.usher.store.JooqPlanStore;
import io.usher.store.JooqReferralStore;
import io.usher.store.JooqReminderLog;
import io.usher.store.JooqServerStore;
import io.usher.store.JooqSettingsStore;
import io.usher.store.JooqSetupCheckStore;
import io.usher.store.JooqShareStore;
import io.usher.store.JooqTemplateStore;
import io.usher.store.JooqTransactions;
import io.usher.store.JooqUnmatchedStore;
import io.usher.store.JooqUserStore;
import io.usher.store.JooqViewerLookup;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;

/** The one place where Usher's parts are constructed and wired together. */
public final class AppContext implements Usher {
  private final Path dataDir;
  private final Database database;
  private final PlanService plans;
  private final DiscountService discounts;
  private final UserService users;
  private final PaymentService payments;
  private final PlanChangeService planChanges;
  private final LedgerQueryService queries;
  private final SettingsService settings;
  private final ServerService servers;
  private final PlexSignIn plexSignIn;
  private final UserActions userActions;
  private final AccessActions accessActions;
  private final MigrationService migrations;
  private final SetupChecks setupChecks;
  private final SyncService sync;
  private final OutboxService outbox;
  private final InviteService invites;
  private final LinkService links;
  private final AccountChangeService accounts;
  private final MailService mail;
  private final JobService jobs;
  private final BackupService backups;
  private final CsvImportService imports;
  private final DiscordService discord;
  private final DiscordRolesJob discordRoles;
  private final ExpireJob expire;
  private final RemindJob remind;
  private final ActivityService activity;
  private final EnforceJob enforce;
  private final CheckoutService checkout;
  private final io.usher.application.reports.DashboardService dashboard;
  private final RecordProviderPayment stripePayments;
  private final UnmatchedPaymentService unmatched;
  private final ReferralService referrals;
  private final PaymentsJob paymentsJob;
  private final ProviderWebhooks webhooks;
  private final AccountLinkService accountLinks;
  private final CustomerAccountService customerAccounts;

  public AppContext(Path dataDir, Clock clock) {
    this(dataDir, clock, MediaWiring::real);
  }

  /**
   * @param media builds the media adapters once the database (and its settings) is open
   */
  public AppContext(Path dataDir, Clock clock, Function<SettingsStore, MediaServers> media) {
    this(dataDir, clock, media, AppContext::stripe);
  }

  /**
   * Opens the ledger with every secret sealed: values an earlier Usher stored in clear are sealed
   * now, and the file is then compacted, since every chunk is appended and the clear values would
   * otherwise stay in its dead space.
   */
  private static Database openSealed(Path dataDir, Clock clock) {
    Database db = Database.open(dataDir);
    int sealed;
    try {
      sealed =
          new JooqSettingsStore(db.dsl(), db.secrets()).sealClearSecrets()
              + new JooqServerStore(db.dsl(), clock, db.secrets()).sealClearSecrets();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    if (sealed == 0) {
      return db;
    }
    db.close();
    return Database.openCompacted(dataDir);
  }

  /** Stripe, with its address and key read from the settings (and env) on every call. */
  private static PaymentProvider stripe(SettingsStore settings) {
    AppConfig config = new AppConfig(System.getenv(), settings);
    return new StripeProvider(
        config::stripeApiUrl,
        config::stripeCheckoutUrl,
        () -> settings.get("stripe.secret-key").orElse(""));
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

  /**
   * @param media builds the media adapters once the database (and its settings) is open
   * @param payments builds the payment provider once the settings are open
   */
  public AppContext(
      Path dataDir,
      Clock clock,
      Function<SettingsStore, MediaServers> media,
      Function<SettingsStore, PaymentProvider> payments) {
    this.dataDir = dataDir;
    this.database = openSealed(dataDir, clock);
    DSLContext dsl = database.dsl();
    JooqTransactions tx = new JooqTransactions(dsl);
    JooqAuditLog audit = new JooqAuditLog(dsl, clock);
    JooqPlanStore planStore = new JooqPlanStore(dsl, clock);
    // One instance of each store: they hold nothing but the connection and the clock.
    JooqPaymentStore paymentStore = new JooqPaymentStore(dsl, clock);
    JooqLibraryGroupStore groupStore = new JooqLibraryGroupStore(dsl);
    JooqLocationStore locationStore = new JooqLocationStore(dsl);
    JooqUserStore userStore = new JooqUserStore(dsl, clock);
    this.plans = new PlanService(tx, planStore, groupStore, audit);
    JooqPendingOrderStore pendingOrders = new JooqPendingOrderStore(dsl, clock);
    this.discounts =
        new DiscountService(tx, new JooqDiscountStore(dsl, clock), pendingOrders, audit, clock);
    this.users = new UserService(tx, userStore, audit);
    JooqShareStore shareStore = new JooqShareStore(dsl);
    this.links = new LinkService(tx, userStore, paymentStore, planStore, shareStore, audit);
    JooqLedgerQueries ledgerQueries = new JooqLedgerQueries(dsl);
    this.queries = new LedgerQueryService(ledgerQueries, clock);
    JooqSettingsStore settingsStore = new JooqSettingsStore(dsl, database.secrets());
    this.settings = new SettingsService(tx, settingsStore);
    this.setupChecks =
        new SetupChecks(new JooqSetupCheckStore(dsl, database.secrets()), settings, clock);
    MediaServers adapters = media.apply(settingsStore);
    JooqServerStore serverStore = new JooqServerStore(dsl, clock, database.secrets());
    JooqLibraryStore libraryStore = new JooqLibraryStore(dsl);
    this.servers =
        new ServerService(
            tx, serverStore, libraryStore, groupStore, locationStore, adapters, audit);
    this.plexSignIn = new PlexSignIn(adapters, clock, Pause.REAL);
    JooqOutboxStore outboxStore = new JooqOutboxStore(dsl, clock);
    JooqJobRunStore jobRuns = new JooqJobRunStore(dsl);
    this.outbox = new OutboxService(tx, outboxStore, jobRuns, clock);
    this.mail =
        new MailService(
            outbox.waking(outboxStore),
            new JooqTemplateStore(dsl, clock),
            new SmtpMailSender(settings, clock),
            settings,
            clock);
    AppConfig config = new AppConfig(System.getenv(), settingsStore);
    DiscordClient discordClient =
        new DiscordClient(MediaWiring.http(), config::discordApiUrl, settings::discordBotToken);
    this.discord =
        new DiscordService(discordClient, outbox.waking(outboxStore), mail, settings, clock);
    Notifier notifier = new MailAndDiscord(mail, discord, userStore);
    this.discordRoles =
        new DiscordRolesJob(
            discordClient,
            new JooqDiscordRoleStore(dsl, clock),
            queries,
            planStore,
            settings,
            clock);
    java.util.concurrent.atomic.AtomicReference<PlanChangeService> planChangesLater =
        new java.util.concurrent.atomic.AtomicReference<>();
    this.invites =
        new InviteService(
            tx,
            userStore,
            planStore,
            paymentStore,
            serverStore,
            libraryStore,
            shareStore,
            adapters,
            outbox,
            audit,
            new WelcomeMails(notifier),
            sentence -> mail.toOwner(MailEvent.OWNER_ALERT, java.util.Map.of("summary", sentence)),
            links,
            settings::plexChangeRequired,
            // Plan changes are made after invites (they queue shares through them), so the
            // credit is looked up when an invite runs.
            (user, plan) -> planChangesLater.get().creditBeforePurchase(user, plan),
            clock);
    this.planChanges =
        new PlanChangeService(tx, userStore, planStore, paymentStore, audit, links, invites, clock);
    planChangesLater.set(planChanges);
    this.payments =
        new PaymentService(
            tx,
            paymentStore,
            userStore,
            planStore,
            audit,
            links,
            planChanges::creditBeforePurchase,
            clock);
    this.accounts =
        new AccountChangeService(
            tx, userStore, serverStore, libraryStore, shareStore, adapters, invites, audit, clock);
    this.sync =
        new SyncService(
            tx,
            serverStore,
            libraryStore,
            shareStore,
            userStore,
            paymentStore,
            planStore,
            audit,
            adapters,
            settings::importPermanent,
            clock);
    this.imports =
        new CsvImportService(
            serverStore,
            planStore,
            paymentStore,
            invites::invite,
            invites::check,
            report ->
                mail.toOwner(
                    MailEvent.IMPORT_RESULTS, java.util.Map.of("summary", report.details())),
            () -> (int) settings.invitePace().toSeconds(),
            Pause.REAL,
            clock);
    JooqExpiryQueries expiryQueries = new JooqExpiryQueries(dsl);
    this.expire =
        new ExpireJob(
            tx,
            expiryQueries,
            serverStore,
            libraryStore,
            shareStore,
            adapters,
            audit,
            notifier,
            settings,
            clock);
    this.remind =
        new RemindJob(tx, expiryQueries, new JooqReminderLog(dsl), notifier, settings, clock);
    JooqActivityStore activityStore = new JooqActivityStore(dsl);
    this.activity = new ActivityService(activityStore);
    this.enforce =
        new EnforceJob(
            tx,
            serverStore,
            shareStore,
            new JooqViewerLookup(dsl),
            adapters,
            activityStore,
            notifier,
            settings::stopAllStreams,
            clock);
    PaymentProvider provider = payments.apply(settingsStore);
    JooqUnmatchedStore unmatchedStore = new JooqUnmatchedStore(dsl, clock);
    WebLinks webLinks = new WebLinks(settings);
    PaymentLanding landing =
        new PaymentLanding(paymentStore, audit, links, invites, planChanges, clock);
    CurrentPlan currentPlans = new CurrentPlan(paymentStore, planStore);
    this.userActions =
        new UserActions(tx, userStore, paymentStore, currentPlans, landing, notifier, clock);
    JooqReferralStore referralStore = new JooqReferralStore(dsl);
    this.accessActions =
        new AccessActions(
            tx,
            userStore,
            paymentStore,
            shareStore,
            serverStore,
            planStore,
            referralStore,
            adapters,
            currentPlans,
            invites,
            audit,
            clock);
    this.referrals =
        new ReferralService(
            tx,
            referralStore,
            userStore,
            planStore,
            paymentStore,
            landing,
            audit,
            settings,
            webLinks::referral,
            clock);
    Function<io.usher.domain.ledger.PaymentSource, RecordProviderPayment> fromProvider =
        source ->
            new RecordProviderPayment(
                tx,
                userStore,
                planStore,
                paymentStore,
                unmatchedStore,
                audit,
                landing,
                pendingOrders::byReference,
                discounts,
                referrals,
                sentence ->
                    mail.toOwner(MailEvent.OWNER_ALERT, java.util.Map.of("summary", sentence)),
                source,
                clock);
    this.stripePayments = fromProvider.apply(io.usher.domain.ledger.PaymentSource.STRIPE);
    RecordProviderPayment paypalPayments =
        fromProvider.apply(io.usher.domain.ledger.PaymentSource.PAYPAL);
    Http paypalHttp = MediaWiring.http();
    PayPalClient paypalPrimary = paypal(paypalHttp, settingsStore, "paypal.", clock);
    this.checkout =
        new CheckoutService(
            tx,
            planStore,
            serverStore,
            locationStore,
            pendingOrders,
            provider,
            new PayPalCheckout(paypalPrimary),
            paypalPayments::apply,
            userStore,
            ledgerQueries,
            invites::invite,
            discounts,
            referrals,
            clock,
            settings,
            webLinks);
    this.unmatched =
        new UnmatchedPaymentService(
            tx, unmatchedStore, userStore, planStore, paymentStore, landing, audit, clock);
    this.webhooks = new ProviderWebhooks(new StripeWebhooks(clock), stripePayments, settings);
    OwnerAlert alertOwner =
        sentence -> mail.toOwner(MailEvent.OWNER_ALERT, java.util.Map.of("summary", sentence));
    this.accountLinks =
        new AccountLinkService(
            tx,
            new JooqAccountLinkStore(dsl),
            userStore,
            outbox,
            mail::send,
            settings,
            webLinks::account,
            clock);
    // Every kind of outbox item and the use case that finishes it, in one place.
    outbox.register(mail.mailHandler());
    outbox.register(discord.dmHandler());
    outbox.register(invites.queuedShares());
    outbox.register(accountLinks.handler());
    this.migrations =
        new MigrationService(
            tx,
            new io.usher.store.JooqMigrationStore(dsl),
            userStore,
            serverStore,
            shareStore,
            planStore,
            currentPlans,
            invites,
            adapters,
            outbox,
            audit,
            alertOwner,
            clock);
    outbox.register(migrations.handler());
    this.customerAccounts =
        new CustomerAccountService(
            tx,
            accountLinks,
            userStore,
            paymentStore,
            planStore,
            serverStore,
            shareStore,
            checkout,
            invites,
            accounts,
            audit,
            alertOwner,
            referrals,
            clock);
    LedgerBackups ledgerBackups = new LedgerBackups(dataDir, database, clock);
    this.backups = new BackupService(ledgerBackups);
    this.paymentsJob =
        new PaymentsJob(
            List.of(
                new EventFeedSync(
                    "Stripe",
                    "internal.stripe-cursor",
                    provider,
                    () -> !settings.stripeSecretKey().isEmpty(),
                    settings.stripePoll(),
                    stripePayments,
                    settingsStore)),
            List.of(
                paypalSync(
                    "PayPal",
                    "internal.paypal.cursor",
                    paypalPrimary,
                    paypalPayments,
                    paymentStore,
                    settingsStore,
                    clock),
                paypalSync(
                    "PayPal (second account)",
                    "internal.paypal.secondary-cursor",
                    paypal(paypalHttp, settingsStore, "paypal.secondary-", clock),
                    paypalPayments,
                    paymentStore,
                    settingsStore,
                    clock)),
            settings);
    this.jobs =
        new JobService(
            jobRuns,
            List.of(
                new SyncJob(sync),
                new ShareChangesJob(
                    tx, queries, planStore, serverStore, libraryStore, shareStore, adapters),
                new OutboxJob(outbox),
                new TokensJob(servers, alertOwner),
                new ActivesJob(queries),
                expire,
                remind,
                enforce,
                discordRoles,
                paymentsJob,
                new BackupJob(ledgerBackups, settings::backupsKept)),
            clock);
    this.dashboard =
        new io.usher.application.reports.DashboardService(
            queries,
            ledgerQueries,
            plans,
            servers,
            settings,
            checkout,
            outbox,
            jobs,
            setupChecks,
            clock);
  }

  /** One PayPal account's reads, kept apart by its settings prefix and cursor. */
  private static PaymentHistorySync paypalSync(
      String label,
      String cursorKey,
      PayPalClient account,
      RecordProviderPayment record,
      PaymentStore payments,
      SettingsStore settings,
      Clock clock) {
    return new PaymentHistorySync(
        label,
        cursorKey,
        new PayPalHistory(account),
        account::configured,
        record,
        payments,
        settings,
        clock);
  }

  @Override
  public BackupService backups() {
    return backups;
  }

  @Override
  public AccountLinkService accountLinks() {
    return accountLinks;
  }

  @Override
  public CustomerAccountService customerAccounts() {
    return customerAccounts;
  }

  @Override
  public CheckoutService checkout() {
    return checkout;
  }

  @Override
  public ProviderWebhooks webhooks() {
    return webhooks;
  }

  @Override
  public JobService jobs() {
    return jobs;
  }

  @Override
  public ExpireJob expiry() {
    return expire;
  }

  @Override
  public ActivityService activity() {
    return activity;
  }

  @Override
  public CsvImportService imports() {
    return imports;
  }

  @Override
  public ServerService servers() {
    return servers;
  }

  @Override
  public PlexSignIn plexSignIn() {
    return plexSignIn;
  }

  @Override
  public UserActions userActions() {
    return userActions;
  }

  @Override
  public MigrationService migrations() {
    return migrations;
  }

  @Override
  public AccessActions accessActions() {
    return accessActions;
  }

  @Override
  public SyncService sync() {
    return sync;
  }

  @Override
  public InviteService invites() {
    return invites;
  }

  @Override
  public OutboxService outbox() {
    return outbox;
  }

  @Override
  public LinkService links() {
    return links;
  }

  @Override
  public AccountChangeService accounts() {
    return accounts;
  }

  @Override
  public PlanService plans() {
    return plans;
  }

  @Override
  public DiscountService discounts() {
    return discounts;
  }

  @Override
  public UserService users() {
    return users;
  }

  @Override
  public PaymentService payments() {
    return payments;
  }

  @Override
  public PlanChangeService planChanges() {
    return planChanges;
  }

  @Override
  public io.usher.application.exports.ExportService exports() {
    return new io.usher.application.exports.ExportService(queries);
  }

  @Override
  public String testPayPal() {
    String verdict = paymentsJob.testPayPal();
    setupChecks.passed(SetupChecks.Check.PAYPAL);
    return verdict;
  }

  @Override
  public String testStripe() {
    String verdict = checkout.testPayments();
    setupChecks.passed(SetupChecks.Check.STRIPE);
    return verdict;
  }

  @Override
  public io.usher.domain.notify.Mail testMail(String to) {
    io.usher.domain.notify.Mail sent = mail.sendTest(to);
    setupChecks.passed(SetupChecks.Check.MAIL);
    return sent;
  }

  @Override
  public io.usher.application.reports.DashboardService dashboard() {
    return dashboard;
  }

  @Override
  public ReferralService referrals() {
    return referrals;
  }

  @Override
  public UnmatchedPaymentService unmatched() {
    return unmatched;
  }

  @Override
  public LedgerQueryService queries() {
    return queries;
  }

  @Override
  public SettingsService settings() {
    return settings;
  }

  @Override
  public MailService mail() {
    return mail;
  }

  @Override
  public DiscordService discord() {
    return discord;
  }

  @Override
  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    database.close();
  }
}

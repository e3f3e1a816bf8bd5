package io.usher.app;

import io.usher.application.Usher;
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
import io.usher.application.migrations.MigrationService;
import io.usher.application.notify.DiscordService;
import io.usher.application.notify.MailService;
import io.usher.application.outbox.OutboxService;
import io.usher.application.payments.PaymentService;
import io.usher.application.payments.PlanChangeService;
import io.usher.application.payments.ProviderWebhooks;
import io.usher.application.payments.UnmatchedPaymentService;
import io.usher.application.plans.PlanService;
import io.usher.application.queries.LedgerQueryService;
import io.usher.application.referrals.ReferralService;
import io.usher.application.servers.PlexSignIn;
import io.usher.application.servers.ServerService;
import io.usher.application.settings.SettingsService;
import io.usher.application.settings.SetupChecks;
import io.usher.application.settings.SetupTests;
import io.usher.application.sync.SyncService;
import io.usher.application.users.AccessActions;
import io.usher.application.users.UserActions;
import io.usher.application.users.UserService;
import io.usher.checkout.WebLinks;
import io.usher.domain.media.MediaServers;
import io.usher.domain.notify.Mail;
import io.usher.domain.payments.PaymentProvider;
import io.usher.domain.settings.SettingsStore;
import io.usher.payments.stripe.StripeProvider;
import io.usher.store.JooqServerStore;
import io.usher.store.JooqSettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

/**
 * The one place where Usher's parts are constructed and wired together, per area (ledger, notify,
 * media, payments, checkout, jobs), each part built the first time a front asks for it: a one-shot
 * command builds the few services it uses, the window and serve what they reach.
 */
public final class AppContext implements Usher {
  private final Path dataDir;
  private final Database database;
  private final LedgerArea ledger;
  private final NotifyArea notify;
  private final MediaArea media;
  private final PaymentsArea money;
  private final CheckoutArea shop;
  private final JobsArea timers;

  /** The real Usher: the ledger where the options or the environment say, the real services. */
  public AppContext(Path dataDir, Clock clock) {
    this(dataDir, DatabaseAddress.configured(System.getenv()), clock);
  }

  /**
   * The real services on the ledger at {@code address}.
   *
   * @param address where the ledger is on PostgreSQL; null: the data folder's own H2 file
   */
  public AppContext(Path dataDir, DatabaseAddress address, Clock clock) {
    this(dataDir, address, clock, MediaWiring::real, AppContext::stripe);
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
   * @param media builds the media adapters once the database (and its settings) is open
   * @param payments builds the payment provider once the settings are open
   */
  public AppContext(
      Path dataDir,
      Clock clock,
      Function<SettingsStore, MediaServers> media,
      Function<SettingsStore, PaymentProvider> payments) {
    this(dataDir, null, clock, media, payments);
  }

  /**
   * @param address where the ledger is on PostgreSQL; null: the data folder's own H2 file
   * @param media builds the media adapters once the database (and its settings) is open
   */
  public AppContext(
      Path dataDir,
      DatabaseAddress address,
      Clock clock,
      Function<SettingsStore, MediaServers> media) {
    this(dataDir, address, clock, media, AppContext::stripe);
  }

  /**
   * @param address where the ledger is on PostgreSQL; null: the data folder's own H2 file
   * @param media builds the media adapters once the database (and its settings) is open
   * @param payments builds the payment provider once the settings are open
   */
  public AppContext(
      Path dataDir,
      DatabaseAddress address,
      Clock clock,
      Function<SettingsStore, MediaServers> media,
      Function<SettingsStore, PaymentProvider> payments) {
    this.dataDir = dataDir;
    this.database =
        address == null ? openSealed(dataDir, clock) : Database.openPostgres(address, dataDir);
    this.ledger = new LedgerArea(dataDir, database, clock);
    this.notify = new NotifyArea(ledger);
    Lazy<WebLinks> webLinks = Lazy.of(() -> new WebLinks(ledger.settings.get()));
    // Plan changes queue their shares through the invites, and invites credit a plan change: the
    // media area looks the plan changes up when an invite runs.
    PaymentsArea[] later = new PaymentsArea[1];
    this.media = new MediaArea(ledger, notify, media, () -> later[0].planChanges.get());
    this.money = new PaymentsArea(ledger, notify, this.media.invites, webLinks, payments);
    later[0] = money;
    this.shop = new CheckoutArea(ledger, notify, this.media, money, webLinks);
    this.timers = new JobsArea(ledger, notify, this.media, money, shop);
  }

  @Override
  public BackupService backups() {
    return ledger.backups.get();
  }

  @Override
  public AccountLinkService accountLinks() {
    return shop.accountLinks.get();
  }

  @Override
  public CustomerAccountService customerAccounts() {
    return shop.customerAccounts.get();
  }

  @Override
  public CheckoutService checkout() {
    return shop.checkout.get();
  }

  @Override
  public ProviderWebhooks webhooks() {
    return money.webhooks.get();
  }

  @Override
  public JobService jobs() {
    return timers.jobs.get();
  }

  @Override
  public ExpireJob expiry() {
    return media.expire.get();
  }

  @Override
  public ActivityService activity() {
    return media.activity.get();
  }

  @Override
  public CsvImportService imports() {
    return media.imports.get();
  }

  @Override
  public ServerService servers() {
    return media.servers.get();
  }

  @Override
  public PlexSignIn plexSignIn() {
    return media.plexSignIn.get();
  }

  @Override
  public UserActions userActions() {
    return money.userActions.get();
  }

  @Override
  public MigrationService migrations() {
    return media.migrations.get();
  }

  @Override
  public AccessActions accessActions() {
    return media.accessActions.get();
  }

  @Override
  public SyncService sync() {
    return media.sync.get();
  }

  @Override
  public InviteService invites() {
    return media.invites.get();
  }

  @Override
  public OutboxService outbox() {
    return timers.outbox.get();
  }

  @Override
  public LinkService links() {
    return ledger.links.get();
  }

  @Override
  public AccountChangeService accounts() {
    return media.accounts.get();
  }

  @Override
  public PlanService plans() {
    return ledger.plans.get();
  }

  @Override
  public DiscountService discounts() {
    return ledger.discounts.get();
  }

  @Override
  public UserService users() {
    return ledger.users.get();
  }

  @Override
  public PaymentService payments() {
    return money.payments.get();
  }

  @Override
  public PlanChangeService planChanges() {
    return money.planChanges.get();
  }

  @Override
  public io.usher.application.exports.ExportService exports() {
    return new io.usher.application.exports.ExportService(ledger.queries.get());
  }

  @Override
  public io.usher.application.sharing.SharingService sharing() {
    return media.sharing.get();
  }

  @Override
  public SetupTests tests() {
    return new SetupTests() {
      @Override
      public String stripe() {
        String verdict = shop.checkout.get().testPayments();
        ledger.setupChecks.get().passed(SetupChecks.Check.STRIPE);
        return verdict;
      }

      @Override
      public String payPal() {
        String verdict = money.paymentsJob.get().testPayPal();
        ledger.setupChecks.get().passed(SetupChecks.Check.PAYPAL);
        return verdict;
      }

      @Override
      public String seerr() {
        return media.seerr.get().test();
      }

      @Override
      public Mail mail(String to) {
        Mail sent = notify.mail.get().sendTest(to);
        ledger.setupChecks.get().passed(SetupChecks.Check.MAIL);
        return sent;
      }
    };
  }

  @Override
  public io.usher.application.reports.DashboardService dashboard() {
    return timers.dashboard.get();
  }

  @Override
  public ReferralService referrals() {
    return money.referrals.get();
  }

  @Override
  public UnmatchedPaymentService unmatched() {
    return money.unmatched.get();
  }

  @Override
  public LedgerQueryService queries() {
    return ledger.queries.get();
  }

  @Override
  public SettingsService settings() {
    return ledger.settings.get();
  }

  @Override
  public MailService mail() {
    return notify.mail.get();
  }

  @Override
  public DiscordService discord() {
    return notify.discord.get();
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

package io.usher.app;

import io.usher.application.backups.BackupService;
import io.usher.application.discounts.DiscountService;
import io.usher.application.links.LinkService;
import io.usher.application.outbox.OutboxService;
import io.usher.application.payments.CurrentPlan;
import io.usher.application.plans.PlanService;
import io.usher.application.queries.LedgerQueryService;
import io.usher.application.settings.SettingsService;
import io.usher.application.settings.SetupChecks;
import io.usher.application.users.UserService;
import io.usher.store.JooqAuditLog;
import io.usher.store.JooqDiscountStore;
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
import io.usher.store.JooqServerStore;
import io.usher.store.JooqSettingsStore;
import io.usher.store.JooqSetupCheckStore;
import io.usher.store.JooqShareStore;
import io.usher.store.JooqTransactions;
import io.usher.store.JooqUnmatchedStore;
import io.usher.store.JooqUserStore;
import java.nio.file.Path;
import java.time.Clock;
import org.jooq.DSLContext;

/**
 * The ledger's area: one instance of each store (they hold nothing but the connection and the
 * clock) and the use cases that only read and write the ledger. Built on first use.
 */
final class LedgerArea {
  final Clock clock;
  private final Database database;
  private final DSLContext dsl;

  final Lazy<JooqTransactions> tx;
  final Lazy<JooqAuditLog> audit;
  final Lazy<JooqPlanStore> planStore;
  final Lazy<JooqPaymentStore> paymentStore;
  final Lazy<JooqLibraryGroupStore> groupStore;
  final Lazy<JooqLocationStore> locationStore;
  final Lazy<JooqUserStore> userStore;
  final Lazy<JooqPendingOrderStore> pendingOrders;
  final Lazy<JooqShareStore> shareStore;
  final Lazy<JooqLedgerQueries> ledgerQueries;
  final Lazy<JooqSettingsStore> settingsStore;
  final Lazy<JooqServerStore> serverStore;
  final Lazy<JooqLibraryStore> libraryStore;
  final Lazy<JooqOutboxStore> outboxStore;
  final Lazy<JooqJobRunStore> jobRuns;
  final Lazy<JooqUnmatchedStore> unmatchedStore;
  final Lazy<JooqReferralStore> referralStore;

  final Lazy<PlanService> plans;
  final Lazy<DiscountService> discounts;
  final Lazy<UserService> users;
  final Lazy<LinkService> links;
  final Lazy<LedgerQueryService> queries;
  final Lazy<SettingsService> settings;
  final Lazy<SetupChecks> setupChecks;
  final Lazy<CurrentPlan> currentPlans;

  /** The outbox that queues work; only the jobs area's, with every handler, runs it. */
  final Lazy<OutboxService> outbox;

  final Lazy<LedgerBackups> ledgerBackups;
  final Lazy<BackupService> backups;

  LedgerArea(Path dataDir, Database database, Clock clock) {
    this.clock = clock;
    this.database = database;
    this.dsl = database.dsl();
    tx = Lazy.of(() -> new JooqTransactions(dsl));
    audit = Lazy.of(() -> new JooqAuditLog(dsl, clock));
    planStore = Lazy.of(() -> new JooqPlanStore(dsl, clock));
    paymentStore = Lazy.of(() -> new JooqPaymentStore(dsl, clock));
    groupStore = Lazy.of(() -> new JooqLibraryGroupStore(dsl));
    locationStore = Lazy.of(() -> new JooqLocationStore(dsl));
    userStore = Lazy.of(() -> new JooqUserStore(dsl, clock));
    pendingOrders = Lazy.of(() -> new JooqPendingOrderStore(dsl, clock));
    shareStore = Lazy.of(() -> new JooqShareStore(dsl));
    ledgerQueries = Lazy.of(() -> new JooqLedgerQueries(dsl));
    settingsStore = Lazy.of(() -> new JooqSettingsStore(dsl, database.secrets()));
    serverStore = Lazy.of(() -> new JooqServerStore(dsl, clock, database.secrets()));
    libraryStore = Lazy.of(() -> new JooqLibraryStore(dsl));
    outboxStore = Lazy.of(() -> new JooqOutboxStore(dsl, clock));
    jobRuns = Lazy.of(() -> new JooqJobRunStore(dsl));
    unmatchedStore = Lazy.of(() -> new JooqUnmatchedStore(dsl, clock));
    referralStore = Lazy.of(() -> new JooqReferralStore(dsl));

    plans =
        Lazy.of(() -> new PlanService(tx.get(), planStore.get(), groupStore.get(), audit.get()));
    discounts =
        Lazy.of(
            () ->
                new DiscountService(
                    tx.get(),
                    new JooqDiscountStore(dsl, clock),
                    pendingOrders.get(),
                    audit.get(),
                    clock));
    users = Lazy.of(() -> new UserService(tx.get(), userStore.get(), audit.get()));
    links =
        Lazy.of(
            () ->
                new LinkService(
                    tx.get(),
                    userStore.get(),
                    paymentStore.get(),
                    planStore.get(),
                    shareStore.get(),
                    audit.get()));
    queries = Lazy.of(() -> new LedgerQueryService(ledgerQueries.get(), clock));
    settings = Lazy.of(() -> new SettingsService(tx.get(), settingsStore.get()));
    setupChecks =
        Lazy.of(
            () ->
                new SetupChecks(
                    new JooqSetupCheckStore(dsl, database.secrets()), settings.get(), clock));
    currentPlans = Lazy.of(() -> new CurrentPlan(paymentStore.get(), planStore.get()));
    outbox = Lazy.of(() -> new OutboxService(tx.get(), outboxStore.get(), jobRuns.get(), clock));
    ledgerBackups = Lazy.of(() -> new LedgerBackups(dataDir, database, clock));
    backups = Lazy.of(() -> new BackupService(ledgerBackups.get()));
  }

  DSLContext dsl() {
    return dsl;
  }

  Database database() {
    return database;
  }
}

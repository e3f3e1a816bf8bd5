package io.usher.app;

import io.usher.application.Pause;
import io.usher.application.accounts.AccountChangeService;
import io.usher.application.enforce.ActivityService;
import io.usher.application.enforce.DevicesJob;
import io.usher.application.enforce.EnforceJob;
import io.usher.application.expiry.ExpireJob;
import io.usher.application.expiry.RemindJob;
import io.usher.application.imports.CsvImportService;
import io.usher.application.invites.InviteService;
import io.usher.application.migrations.MigrationService;
import io.usher.application.notify.WelcomeMails;
import io.usher.application.payments.PlanChangeService;
import io.usher.application.seerr.SeerrAccounts;
import io.usher.application.servers.PlexSignIn;
import io.usher.application.servers.ServerService;
import io.usher.application.sharing.PlacesJob;
import io.usher.application.sharing.SharingService;
import io.usher.application.sync.SyncService;
import io.usher.application.users.AccessActions;
import io.usher.domain.media.MediaServers;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.settings.SettingsStore;
import io.usher.media.seerr.SeerrClient;
import io.usher.store.JooqActivityStore;
import io.usher.store.JooqExpiryQueries;
import io.usher.store.JooqMigrationStore;
import io.usher.store.JooqPlaceStore;
import io.usher.store.JooqReminderLog;
import io.usher.store.JooqSeerrAccountStore;
import io.usher.store.JooqSharingReviewStore;
import io.usher.store.JooqSightingStore;
import io.usher.store.JooqViewerLookup;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The media servers: their adapters, and every use case that shares, unshares or reads them. Built
 * on first use; a command that never reaches a server builds none of it.
 */
final class MediaArea {
  final Lazy<MediaServers> adapters;
  final Lazy<ServerService> servers;
  final Lazy<PlexSignIn> plexSignIn;
  final Lazy<InviteService> invites;
  final Lazy<AccountChangeService> accounts;
  final Lazy<SyncService> sync;
  final Lazy<CsvImportService> imports;
  final Lazy<JooqExpiryQueries> expiryQueries;
  final Lazy<ExpireJob> expire;
  final Lazy<RemindJob> remind;
  final Lazy<JooqActivityStore> activityStore;
  final Lazy<ActivityService> activity;
  final Lazy<EnforceJob> enforce;
  final Lazy<DevicesJob> devices;
  final Lazy<AccessActions> accessActions;
  final Lazy<MigrationService> migrations;
  final Lazy<SeerrAccounts> seerr;
  final Lazy<SharingService> sharing;
  final Lazy<PlacesJob> places;

  /**
   * @param media builds the adapters from the settings (the real ones, or a test's fakes)
   * @param planChanges the payments area's plan changes, which queue their shares through the
   *     invites built here: looked up when an invite runs, not when it is built
   */
  MediaArea(
      LedgerArea ledger,
      NotifyArea notify,
      Function<SettingsStore, MediaServers> media,
      Supplier<PlanChangeService> planChanges) {
    LedgerArea l = ledger;
    adapters = Lazy.of(() -> media.apply(l.settingsStore.get()));
    servers =
        Lazy.of(
            () ->
                new ServerService(
                    l.tx.get(),
                    l.serverStore.get(),
                    l.libraryStore.get(),
                    l.groupStore.get(),
                    l.locationStore.get(),
                    adapters.get(),
                    l.audit.get()));
    plexSignIn = Lazy.of(() -> new PlexSignIn(adapters.get(), l.clock, Pause.REAL));
    invites =
        Lazy.of(
            () ->
                new InviteService(
                    l.tx.get(),
                    l.userStore.get(),
                    l.planStore.get(),
                    l.paymentStore.get(),
                    l.serverStore.get(),
                    l.libraryStore.get(),
                    l.shareStore.get(),
                    adapters.get(),
                    l.outbox.get(),
                    l.audit.get(),
                    new WelcomeMails(notify.notifier.get()),
                    notify.alertOwner::alert,
                    l.links.get(),
                    l.settings.get()::plexChangeRequired,
                    (user, plan) -> planChanges.get().creditBeforePurchase(user, plan),
                    l.clock));
    accounts =
        Lazy.of(
            () ->
                new AccountChangeService(
                    l.tx.get(),
                    l.userStore.get(),
                    l.serverStore.get(),
                    l.libraryStore.get(),
                    l.shareStore.get(),
                    adapters.get(),
                    invites.get(),
                    l.audit.get(),
                    l.clock));
    sync =
        Lazy.of(
            () ->
                new SyncService(
                    l.tx.get(),
                    l.serverStore.get(),
                    l.libraryStore.get(),
                    l.shareStore.get(),
                    l.userStore.get(),
                    l.paymentStore.get(),
                    l.planStore.get(),
                    l.audit.get(),
                    adapters.get(),
                    l.settings.get()::importPermanent,
                    l.clock));
    imports =
        Lazy.of(
            () ->
                new CsvImportService(
                    l.serverStore.get(),
                    l.planStore.get(),
                    l.paymentStore.get(),
                    invites.get()::invite,
                    invites.get()::check,
                    report ->
                        notify
                            .mail
                            .get()
                            .toOwner(MailEvent.IMPORT_RESULTS, Map.of("summary", report.details())),
                    () -> (int) l.settings.get().invitePace().toSeconds(),
                    Pause.REAL,
                    l.clock));
    expiryQueries = Lazy.of(() -> new JooqExpiryQueries(l.dsl()));
    expire =
        Lazy.of(
            () ->
                new ExpireJob(
                    l.tx.get(),
                    expiryQueries.get(),
                    l.serverStore.get(),
                    l.libraryStore.get(),
                    l.shareStore.get(),
                    adapters.get(),
                    l.audit.get(),
                    notify.notifier.get(),
                    l.settings.get(),
                    l.clock));
    remind =
        Lazy.of(
            () ->
                new RemindJob(
                    l.tx.get(),
                    expiryQueries.get(),
                    new JooqReminderLog(l.dsl()),
                    notify.notifier.get(),
                    l.settings.get(),
                    l.clock));
    activityStore = Lazy.of(() -> new JooqActivityStore(l.dsl()));
    activity = Lazy.of(() -> new ActivityService(activityStore.get()));
    enforce =
        Lazy.of(
            () ->
                new EnforceJob(
                    l.tx.get(),
                    l.serverStore.get(),
                    l.shareStore.get(),
                    new JooqViewerLookup(l.dsl()),
                    adapters.get(),
                    activityStore.get(),
                    new JooqSightingStore(l.dsl()),
                    notify.notifier.get(),
                    l.settings.get()::stopAllStreams,
                    l.clock));
    devices =
        Lazy.of(
            () ->
                new DevicesJob(
                    l.tx.get(),
                    l.queries.get(),
                    l.planStore.get(),
                    l.serverStore.get(),
                    l.shareStore.get(),
                    adapters.get(),
                    activityStore.get(),
                    notify.notifier.get(),
                    l.clock));
    accessActions =
        Lazy.of(
            () ->
                new AccessActions(
                    l.tx.get(),
                    l.userStore.get(),
                    l.paymentStore.get(),
                    l.shareStore.get(),
                    l.serverStore.get(),
                    l.planStore.get(),
                    l.referralStore.get(),
                    adapters.get(),
                    l.currentPlans.get(),
                    invites.get(),
                    l.audit.get(),
                    l.clock));
    migrations =
        Lazy.of(
            () ->
                new MigrationService(
                    l.tx.get(),
                    new JooqMigrationStore(l.dsl()),
                    l.userStore.get(),
                    l.serverStore.get(),
                    l.shareStore.get(),
                    l.planStore.get(),
                    l.currentPlans.get(),
                    invites.get(),
                    adapters.get(),
                    l.outbox.get(),
                    l.audit.get(),
                    notify.alertOwner,
                    l.clock));
    sharing =
        Lazy.of(
            () ->
                new SharingService(
                    new JooqSightingStore(l.dsl()),
                    new JooqPlaceStore(l.dsl()),
                    new JooqSharingReviewStore(l.dsl()),
                    l.serverStore.get(),
                    new JooqViewerLookup(l.dsl()),
                    notify.notifier.get(),
                    l.tx.get(),
                    l.audit.get(),
                    l.settings.get()::ownAddresses,
                    l.clock));
    places =
        Lazy.of(
            () ->
                new PlacesJob(
                    l.tx.get(),
                    new JooqPlaceStore(l.dsl()),
                    l.serverStore.get(),
                    adapters.get(),
                    l.settings.get(),
                    l.clock));
    seerr =
        Lazy.of(
            () ->
                new SeerrAccounts(
                    new SeerrClient(
                        MediaWiring.http(),
                        l.settings.get()::seerrUrl,
                        l.settings.get()::seerrApiKey),
                    new JooqSeerrAccountStore(l.dsl()),
                    l.serverStore.get(),
                    l.shareStore.get(),
                    l.userStore.get(),
                    l.outbox.get(),
                    l.tx.get(),
                    l.audit.get(),
                    l.clock));
  }
}

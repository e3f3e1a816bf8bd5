package io.usher.app;

import io.usher.application.backups.BackupJob;
import io.usher.application.jobs.ActivesJob;
import io.usher.application.jobs.JobService;
import io.usher.application.jobs.OutboxJob;
import io.usher.application.jobs.ShareChangesJob;
import io.usher.application.jobs.SyncJob;
import io.usher.application.jobs.TokensJob;
import io.usher.application.outbox.OutboxService;
import io.usher.application.reports.DashboardService;
import java.util.List;

/**
 * The timers, the outbox that runs queued work, and the dashboard that reports on both. On first
 * use: building the jobs builds every area they drive.
 */
final class JobsArea {
  /** The outbox with every kind of item and the use case that finishes it, in one place. */
  final Lazy<OutboxService> outbox;

  final Lazy<JobService> jobs;
  final Lazy<DashboardService> dashboard;

  JobsArea(
      LedgerArea l, NotifyArea notify, MediaArea media, PaymentsArea money, CheckoutArea shop) {
    outbox =
        Lazy.of(
            () -> {
              OutboxService running = l.outbox.get();
              running.register(notify.mail.get().mailHandler());
              running.register(notify.discord.get().dmHandler());
              running.register(media.invites.get().queuedShares());
              running.register(shop.accountLinks.get().handler());
              running.register(media.migrations.get().handler());
              running.register(media.seerr.get().importHandler());
              running.register(media.seerr.get().removeHandler());
              return running;
            });
    jobs =
        Lazy.of(
            () ->
                new JobService(
                    l.jobRuns.get(),
                    List.of(
                        new SyncJob(media.sync.get()),
                        new ShareChangesJob(
                            l.tx.get(),
                            l.queries.get(),
                            l.planStore.get(),
                            l.serverStore.get(),
                            l.libraryStore.get(),
                            l.shareStore.get(),
                            media.adapters.get()),
                        new OutboxJob(outbox.get()),
                        new TokensJob(media.servers.get(), notify.alertOwner),
                        new ActivesJob(l.queries.get()),
                        media.expire.get(),
                        media.remind.get(),
                        media.enforce.get(),
                        media.devices.get(),
                        notify.discordRoles.get(),
                        media.seerr.get(),
                        media.places.get(),
                        money.paymentsJob.get(),
                        new BackupJob(l.ledgerBackups.get(), l.settings.get()::backupsKept)),
                    l.clock));
    dashboard =
        Lazy.of(
            () ->
                new DashboardService(
                    l.queries.get(),
                    l.ledgerQueries.get(),
                    l.plans.get(),
                    media.servers.get(),
                    l.settings.get(),
                    shop.checkout.get(),
                    l.outbox.get(),
                    jobs.get(),
                    l.setupChecks.get(),
                    l.clock));
  }
}

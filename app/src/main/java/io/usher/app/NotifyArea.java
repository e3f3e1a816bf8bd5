package io.usher.app;

import io.usher.application.invites.OwnerAlert;
import io.usher.application.notify.DiscordRolesJob;
import io.usher.application.notify.DiscordService;
import io.usher.application.notify.MailAndDiscord;
import io.usher.application.notify.MailService;
import io.usher.application.notify.Notifier;
import io.usher.domain.notify.MailEvent;
import io.usher.notify.discord.DiscordClient;
import io.usher.notify.mail.SmtpMailSender;
import io.usher.store.JooqDiscordRoleStore;
import io.usher.store.JooqTemplateStore;
import java.util.Map;

/** Mail and Discord: what is sent, queued with the change that causes it. Built on first use. */
final class NotifyArea {
  final Lazy<MailService> mail;
  final Lazy<DiscordService> discord;
  final Lazy<Notifier> notifier;
  final Lazy<DiscordRolesJob> discordRoles;

  /** A sentence for the owner, mailed to owner.email. */
  final OwnerAlert alertOwner;

  NotifyArea(LedgerArea ledger) {
    mail =
        Lazy.of(
            () ->
                new MailService(
                    ledger.outbox.get().waking(ledger.outboxStore.get()),
                    new JooqTemplateStore(ledger.dsl(), ledger.clock),
                    new SmtpMailSender(ledger.settings.get(), ledger.clock),
                    ledger.settings.get(),
                    ledger.clock));
    Lazy<DiscordClient> discordClient =
        Lazy.of(
            () ->
                new DiscordClient(
                    MediaWiring.http(),
                    new AppConfig(System.getenv(), ledger.settingsStore.get())::discordApiUrl,
                    ledger.settings.get()::discordBotToken));
    discord =
        Lazy.of(
            () ->
                new DiscordService(
                    discordClient.get(),
                    ledger.outbox.get().waking(ledger.outboxStore.get()),
                    mail.get(),
                    ledger.settings.get(),
                    ledger.clock));
    notifier = Lazy.of(() -> new MailAndDiscord(mail.get(), discord.get(), ledger.userStore.get()));
    discordRoles =
        Lazy.of(
            () ->
                new DiscordRolesJob(
                    discordClient.get(),
                    new JooqDiscordRoleStore(ledger.dsl(), ledger.clock),
                    ledger.queries.get(),
                    ledger.planStore.get(),
                    ledger.settings.get(),
                    ledger.clock));
    alertOwner = sentence -> mail.get().toOwner(MailEvent.OWNER_ALERT, Map.of("summary", sentence));
  }
}

package io.usher.application.notify;

import io.usher.domain.common.ValidationException;
import io.usher.domain.notify.Discord;
import io.usher.domain.notify.Discord.DmResult;
import io.usher.domain.notify.DiscordException;
import io.usher.domain.notify.Mail;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.outbox.OutboxHandler;
import io.usher.domain.outbox.OutboxStore;
import io.usher.domain.outbox.Payload;
import io.usher.domain.settings.Settings;
import io.usher.domain.users.User;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usher's Discord: direct messages from the same templates as the mails (the subject as a bold
 * first line, then the text part), queued in the outbox like mail so a rate limit or an outage is
 * retried, and the owner's bot check.
 */
public final class DiscordService {
  /** The outbox kind of a queued direct message. */
  public static final String KIND = "discord";

  private static final Logger LOG = LoggerFactory.getLogger(DiscordService.class);
  private static final String EVENT = "event";
  private static final String TO = "discord_id";

  private final Discord discord;
  private final OutboxStore outbox;
  private final MailService mail;
  private final Settings settings;
  private final Clock clock;

  /**
   * @param mail the templates (and the settings they fill in) the DMs share with email
   * @param settings a setting key's effective value ({@code discord.bot-token}, …)
   */
  public DiscordService(
      Discord discord, OutboxStore outbox, MailService mail, Settings settings, Clock clock) {
    this.discord = discord;
    this.outbox = outbox;
    this.mail = mail;
    this.settings = settings;
    this.clock = clock;
  }

  /** A bot token and a server (guild) id are set. */
  public boolean configured() {
    return !settings.discordBotToken().isEmpty() && !settings.discordGuildId().isEmpty();
  }

  /** Checks the bot token now; returns the sentence for the owner, or throws Discord's. */
  public String test() {
    if (settings.discordBotToken().isEmpty()) {
      throw ValidationException.of(
          "discord.bot-token", "Paste the bot token first (Developer Portal, your app, Bot).");
    }
    return "Discord accepted the bot token: the bot is " + discord.test() + ".";
  }

  /**
   * Records a direct message of the event in the outbox, due now; call it inside the transaction of
   * the change it announces. Rendered when sent, like mail.
   */
  public void queue(MailEvent event, String discordId, Map<String, String> values) {
    if (blank(discordId)) {
      throw ValidationException.of(
          "discordId", "A " + event.label() + " message needs a Discord id to go to.");
    }
    Map<String, String> payload = new LinkedHashMap<>(values);
    payload.put(EVENT, event.name());
    payload.put(TO, discordId.strip());
    outbox.enqueue(KIND, Payload.encode(payload), clock.instant());
  }

  /**
   * Queues the event's message to the user when they have a Discord id (their name and email fill
   * the template unless given); returns whether one was queued.
   */
  public boolean queue(MailEvent event, User user, Map<String, String> values) {
    String discordId = user.spec().discordId();
    if (blank(discordId)) {
      return false;
    }
    Map<String, String> all = new LinkedHashMap<>(values);
    if (user.spec().label() != null) {
      all.putIfAbsent("name", user.spec().label());
    }
    if (user.email() != null) {
      all.putIfAbsent("email", user.email());
    }
    queue(event, discordId, all);
    return true;
  }

  /** The DM of a rendered mail: the subject in bold, a blank line, the text part. */
  public static String message(Mail mail) {
    String subject = mail.subject().strip();
    String text = mail.text().strip();
    return subject.isEmpty() ? text : "**" + subject + "**\n\n" + text;
  }

  /** Sends the outbox's direct messages; closed DMs are done (logged), failures are retried. */
  public OutboxHandler dmHandler() {
    return OutboxHandler.of(
        KIND,
        payload -> {
          if (settings.discordBotToken().isEmpty()) {
            throw new DiscordException(
                "Discord is not set up: set the bot token to send this message.", true);
          }
          Map<String, String> values = Payload.decode(payload);
          MailEvent event = event(values.remove(EVENT));
          String to = values.remove(TO);
          DmResult result = discord.dm(to, message(mail.render(event, values)));
          if (result == DmResult.DMS_CLOSED) {
            LOG.info(
                "Discord user {} does not accept direct messages; {} message not sent", to, event);
          }
        });
  }

  private static MailEvent event(String name) {
    try {
      return MailEvent.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ValidationException.of(EVENT, "Usher has no message for the event '" + name + "'.");
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

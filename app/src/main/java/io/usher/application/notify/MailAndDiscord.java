package io.usher.application.notify;

import io.usher.domain.notify.MailEvent;
import io.usher.domain.users.UserStore;
import java.util.Map;

/** Mail always; a Discord DM too when Discord is set up and the user's Discord id is known. */
public final class MailAndDiscord implements Notifier {
  private final MailService mail;
  private final DiscordService discord;
  private final UserStore users;

  public MailAndDiscord(MailService mail, DiscordService discord, UserStore users) {
    this.mail = mail;
    this.discord = discord;
    this.users = users;
  }

  @Override
  public void queue(MailEvent event, String email, Map<String, String> values) {
    mail.queue(event, email, values);
    if (discord.configured()) {
      users.byEmail(email).ifPresent(user -> discord.queue(event, user, values));
    }
  }
}

package io.usher.application.notify;

import io.usher.application.invites.Welcome;
import io.usher.domain.media.ServerKind;
import io.usher.domain.media.ShareResult;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.plans.Plan;
import io.usher.domain.servers.Server;
import io.usher.domain.users.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The welcome mail after a share: Plex users learn how to accept the invite, Jellyfin and Emby
 * users get their user name, password and the server's address. Queued in the transaction that
 * records the share, so it is sent (and retried) by the outbox worker.
 */
public final class WelcomeMails implements Welcome {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private final Notifier mail;

  public WelcomeMails(Notifier mail) {
    this.mail = mail;
  }

  @Override
  public void welcome(User user, Server server, Plan plan, ShareResult share, Instant expires) {
    if (user.email() == null) {
      return;
    }
    Map<String, String> values = new HashMap<>();
    values.put("name", user.spec().label());
    values.put("email", user.email());
    values.put("plan", plan.name());
    values.put("expires", DAY.format(expires));
    values.put("server", server.name());
    values.put("server_url", server.url());
    values.put("username", share.username() == null ? user.email() : share.username());
    boolean plex = server.kind() == ServerKind.PLEX;
    if (!plex && share.password() != null) {
      values.put("password", share.password());
    }
    mail.queue(plex ? MailEvent.WELCOME_PLEX : MailEvent.WELCOME_ACCOUNT, user.email(), values);
  }
}

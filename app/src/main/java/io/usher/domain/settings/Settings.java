package io.usher.domain.settings;

import io.usher.domain.expiry.ReminderRule;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting Usher reads, typed, with its default from {@link SettingDefaults} in one place.
 * Each call reads the current value, so a setting changed in the window or by {@code usher settings
 * set} applies at once. A stored value that does not parse (written by hand into the database)
 * reads as the default rather than stopping a job.
 *
 * <p>Only {@link #lookup} is abstract, so a test can pass {@code map::get}.
 */
@FunctionalInterface
public interface Settings {
  /** The value stored for a known key; null (or absent) means its default. */
  String lookup(String key);

  /** The effective text of a key: stored, else its default; stripped. */
  default String text(String key) {
    String stored = lookup(key);
    String value = stored != null ? stored : SettingKey.find(key).orElseThrow().defaultValue();
    return value.strip();
  }

  /** The key's whole number; the default when the stored text is not one. */
  default int number(String key) {
    try {
      return Integer.parseInt(text(key));
    } catch (NumberFormatException e) {
      return Integer.parseInt(SettingKey.find(key).orElseThrow().defaultValue());
    }
  }

  default boolean flag(String key) {
    return Boolean.parseBoolean(text(key));
  }

  default boolean importPermanent() {
    return flag("import.permanent");
  }

  default int graceDays() {
    return Math.max(0, number("expiry.grace-days"));
  }

  /** The library group expired users keep during grace; empty: they keep nothing. */
  default String graceGroup() {
    return text("expiry.grace-group");
  }

  /**
   * Days before expiry that reminders go out; empty: no reminders.
   *
   * @throws NumberFormatException when the stored list is not whole numbers, which the remind job
   *     reports to the owner rather than guessing
   */
  default List<Integer> reminderDays() {
    return ReminderRule.parseDays(text("reminders.days"));
  }

  /** Whether the streams' addresses are placed on the map through plex.tv. */
  default boolean locateAddresses() {
    return flag("sharing.locate");
  }

  default boolean stopAllStreams() {
    return flag("enforce.stop-all");
  }

  default int backupsKept() {
    return Math.max(1, number("backup.keep"));
  }

  default Duration invitePace() {
    return Duration.ofSeconds(Math.max(0, number("invite.pace-seconds")));
  }

  /** 0: no cap. */
  default int trialMaxUsers() {
    return Math.max(0, number("trial.max-users"));
  }

  default int checkoutPort() {
    return number("checkout.port");
  }

  default String checkoutBind() {
    return text("checkout.bind");
  }

  /** The address customers use; empty when the owner has not set one. */
  default String checkoutPublicUrl() {
    return text("checkout.public-url");
  }

  /** The checkout pages' look: each part empty when the owner has not set it. */
  default Branding branding() {
    return new Branding(
        text("brand.name"),
        text("brand.logo-url"),
        text("brand.accent"),
        text("brand.welcome"),
        text("brand.footer"),
        text("brand.contact"),
        text("brand.terms-url"));
  }

  default String trustedProxies() {
    return text("checkout.trusted-proxies");
  }

  /** Whether users tagged to change Plex account must do so before they buy or are invited. */
  default boolean plexChangeRequired() {
    return !"false".equalsIgnoreCase(text("account.plex-change"));
  }

  default Duration accountLinkLife() {
    return Duration.ofHours(Math.max(1, number("account.link-hours")));
  }

  default int referralPercent() {
    return number("referral.percent");
  }

  default int referralMinDays() {
    return number("referral.min-days");
  }

  default int referralMaxDays() {
    return number("referral.max-days");
  }

  default String stripeSecretKey() {
    return text("stripe.secret-key");
  }

  default String stripeWebhookSecret() {
    return text("stripe.webhook-secret");
  }

  default Duration stripePoll() {
    return Duration.ofSeconds(Math.max(1, number("stripe.poll-seconds")));
  }

  default Duration paypalPoll() {
    return Duration.ofMinutes(Math.max(1, number("paypal.poll-minutes")));
  }

  default String smtpHost() {
    return text("smtp.host");
  }

  /** The SMTP port; empty when not set, so the security's usual port applies. */
  default Optional<Integer> smtpPort() {
    String port = text("smtp.port");
    try {
      return port.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(port));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** starttls, ssl or none. */
  default String smtpSecurity() {
    String security = text("smtp.security").toLowerCase(java.util.Locale.ROOT);
    return security.isEmpty() ? "starttls" : security;
  }

  default String smtpUser() {
    return text("smtp.user");
  }

  default String smtpPassword() {
    String stored = lookup("smtp.password");
    return stored == null ? "" : stored;
  }

  default String smtpFrom() {
    return text("smtp.from");
  }

  /** Whether Usher can send mail at all: a server and a sender address. */
  default boolean mailConfigured() {
    return !smtpHost().isEmpty() && !smtpFrom().isEmpty();
  }

  /** Where the owner's alerts go; empty when not set. */
  default String ownerEmail() {
    return text("owner.email");
  }

  default String discordBotToken() {
    return text("discord.bot-token");
  }

  /** The owner's own addresses, which sharing detection never counts. */
  default java.util.Set<String> ownAddresses() {
    java.util.Set<String> own = new java.util.LinkedHashSet<>();
    for (String a : text("sharing.own-addresses").split(",")) {
      if (!a.isBlank()) {
        own.add(a.strip());
      }
    }
    return own;
  }

  /** Seerr's address as the owner typed it; empty: Usher makes no Seerr accounts. */
  default String seerrUrl() {
    return text("seerr.url");
  }

  default String seerrApiKey() {
    return text("seerr.api-key");
  }

  default String discordGuildId() {
    return text("discord.guild-id");
  }

  default String discordSubscriberRole() {
    return text("discord.subscriber-role");
  }

  default String discordTrialRole() {
    return text("discord.trial-role");
  }

  /** How long after expiry a user is kicked from the Discord server; empty: never. */
  default Optional<Duration> discordKickAfter() {
    String days = text("discord.kick-after-days");
    try {
      return days.isEmpty()
          ? Optional.empty()
          : Optional.of(Duration.ofDays(Math.max(0, Long.parseLong(days))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** light or dark. */
  default String theme() {
    return text("ui.theme");
  }
}

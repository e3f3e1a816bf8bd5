package io.usher.domain.settings;

import java.util.List;

/** Every setting Usher knows, with its default; the keys are part of the public contract. */
public final class SettingDefaults {
  private SettingDefaults() {}

  public static final List<SettingKey> ALL =
      List.of(
          new SettingKey(
              "import.permanent",
              "false",
              SettingType.BOOLEAN,
              "Users found by sync are imported as permanent"),
          new SettingKey(
              "expiry.grace-days",
              "0",
              SettingType.DAYS,
              "Days after expiry before access is removed"),
          new SettingKey(
              "expiry.grace-group",
              "",
              SettingType.TEXT,
              "Library group expired users are narrowed to during grace"),
          new SettingKey(
              "reminders.days",
              "7,3,1",
              SettingType.DAY_LIST,
              "Days before expiry that reminders go out"),
          new SettingKey(
              "enforce.stop-all",
              "false",
              SettingType.BOOLEAN,
              "Stop all streams of a user over the limit, not only the excess"),
          new SettingKey(
              "backup.keep",
              "14",
              SettingType.COUNT,
              "How many daily backups of the ledger to keep"),
          new SettingKey(
              "invite.pace-seconds",
              "30",
              SettingType.PAUSE_SECONDS,
              "Pause between Plex invites in a bulk import"),
          new SettingKey(
              "trial.max-users", "0", SettingType.COUNT, "Most trial users at once (0 = no cap)"),
          new SettingKey("checkout.port", "8765", SettingType.PORT, "Port of the checkout page"),
          new SettingKey(
              "checkout.bind",
              "127.0.0.1",
              SettingType.HOST,
              "Address the checkout page listens on"),
          new SettingKey(
              "checkout.public-url",
              "",
              SettingType.URL,
              "Address customers use to reach the checkout page"),
          new SettingKey(
              "brand.name", "", SettingType.TEXT, "Name at the top of the checkout pages"),
          new SettingKey(
              "brand.logo-url", "", SettingType.URL, "Logo shown beside the name (https://…)"),
          new SettingKey(
              "brand.accent",
              "",
              SettingType.COLOR,
              "Colour of the checkout pages' buttons and links (#rrggbb)"),
          new SettingKey("brand.welcome", "", SettingType.TEXT, "A short welcome above the plans"),
          new SettingKey(
              "brand.footer", "", SettingType.TEXT, "A line at the foot of every checkout page"),
          new SettingKey(
              "brand.contact", "", SettingType.EMAIL, "Where customers write with questions"),
          new SettingKey(
              "brand.terms-url", "", SettingType.URL, "Your terms, linked from every page's foot"),
          new SettingKey(
              "checkout.trusted-proxies",
              "",
              SettingType.TEXT,
              "Proxy IPs whose X-Forwarded-For is trusted"),
          new SettingKey(
              "account.plex-change",
              "true",
              SettingType.BOOLEAN,
              "Users tagged to change Plex account must do so before they buy or are invited"),
          new SettingKey(
              "account.link-hours",
              "24",
              SettingType.HOURS,
              "Hours a customer's sign-in link stays valid"),
          new SettingKey(
              "referral.percent",
              "0",
              SettingType.PERCENT,
              "Share of a referred customer's first payment given to the referrer as days"
                  + " (0 = referrals off)"),
          new SettingKey(
              "referral.min-days", "1", SettingType.DAYS, "Fewest days a referral earns"),
          new SettingKey("referral.max-days", "30", SettingType.DAYS, "Most days a referral earns"),
          new SettingKey("stripe.secret-key", "", SettingType.TEXT, "Stripe secret key"),
          new SettingKey("stripe.publishable-key", "", SettingType.TEXT, "Stripe publishable key"),
          new SettingKey(
              "stripe.webhook-secret", "", SettingType.TEXT, "Stripe webhook signing secret"),
          new SettingKey(
              "stripe.poll-seconds",
              "15",
              SettingType.POLL_SECONDS,
              "Seconds between reads of Stripe events"),
          new SettingKey("paypal.client-id", "", SettingType.TEXT, "PayPal client id"),
          new SettingKey("paypal.secret", "", SettingType.TEXT, "PayPal secret"),
          new SettingKey(
              "paypal.secondary-client-id",
              "",
              SettingType.TEXT,
              "Second PayPal account's client id (read for payments only)"),
          new SettingKey(
              "paypal.secondary-secret", "", SettingType.TEXT, "Second PayPal account's secret"),
          new SettingKey(
              "paypal.poll-minutes",
              "60",
              SettingType.POLL_MINUTES,
              "Minutes between reads of PayPal's transactions"),
          new SettingKey("smtp.host", "", SettingType.TEXT, "SMTP server"),
          new SettingKey("smtp.port", "587", SettingType.PORT, "SMTP port"),
          new SettingKey(
              "smtp.security", "starttls", SettingType.SMTP_SECURITY, "starttls, ssl or none"),
          new SettingKey("smtp.user", "", SettingType.TEXT, "SMTP user name"),
          new SettingKey("smtp.password", "", SettingType.TEXT, "SMTP password"),
          new SettingKey("smtp.from", "", SettingType.EMAIL, "Sender address of Usher's mail"),
          new SettingKey(
              "owner.email",
              "",
              SettingType.EMAIL,
              "Where Usher sends the owner's alerts and reports"),
          new SettingKey("discord.bot-token", "", SettingType.TEXT, "Discord bot token"),
          new SettingKey(
              "discord.guild-id", "", SettingType.DISCORD_ID, "Discord server (guild) id"),
          new SettingKey(
              "discord.subscriber-role",
              "",
              SettingType.DISCORD_ID,
              "Role id for paying subscribers"),
          new SettingKey(
              "discord.trial-role", "", SettingType.DISCORD_ID, "Role id for trial users"),
          new SettingKey(
              "discord.kick-after-days",
              "",
              SettingType.OPTIONAL_DAYS,
              "Kick expired users after this many days (empty = never)"),
          new SettingKey(
              "seerr.url",
              "",
              SettingType.URL,
              "Seerr (Overseerr, Jellyseerr) address, e.g. http://192.168.1.5:5055; empty: off"),
          new SettingKey(
              "seerr.api-key", "", SettingType.TEXT, "Seerr API key (Settings, General)"),
          new SettingKey(
              "sharing.own-addresses",
              "",
              SettingType.TEXT,
              "Your own public addresses, comma-separated: streams from them are never evidence of"
                  + " sharing"),
          new SettingKey(
              "sharing.locate",
              "true",
              SettingType.BOOLEAN,
              "Ask plex.tv (with your Plex token) where the streams' public addresses are, to"
                  + " see impossible travel"),
          new SettingKey("ui.theme", "light", SettingType.THEME, "Window theme: light or dark"),
          new SettingKey("plex.tv-url", "https://plex.tv", SettingType.URL, "plex.tv API address"),
          new SettingKey(
              "plex.app-url",
              "https://app.plex.tv",
              SettingType.URL,
              "Plex web app, where Sign in with Plex is confirmed"),
          new SettingKey(
              "stripe.api-url", "https://api.stripe.com", SettingType.URL, "Stripe API address"),
          new SettingKey(
              "stripe.checkout-url",
              "https://checkout.stripe.com",
              SettingType.URL,
              "Address of Stripe's payment pages"),
          new SettingKey(
              "paypal.api-url", "https://api-m.paypal.com", SettingType.URL, "PayPal API address"),
          new SettingKey(
              "discord.api-url",
              "https://discord.com/api/v10",
              SettingType.URL,
              "Discord API address"));
}

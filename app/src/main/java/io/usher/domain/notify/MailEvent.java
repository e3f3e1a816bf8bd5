package io.usher.domain.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The moments Usher sends an email, each with the template it starts from. The owner may edit a
 * template; resetting it brings back the text below.
 */
public enum MailEvent {
  /** A new Plex subscriber: the invite is on its way, and how to accept it. */
  WELCOME_PLEX(
      "Welcome (Plex)",
      "the subscriber, after a Plex invite",
      "Welcome to {server}: accept your Plex invite",
      """
      Hi {name},

      Thanks for joining {server} on the {plan} plan. Your access runs until {expires}.

      Plex is sending an invite to {email}. To accept it:
      1. Open the email from Plex and choose Accept, or sign in at https://app.plex.tv with \
      the Plex account of {email} (a free account is enough) and accept the pending invite there.
      2. The libraries of {server} then appear in every Plex app you sign in to.

      To renew or change your plan, visit {checkout_url}

      Enjoy!"""),

  /** A new Jellyfin or Emby subscriber: the account Usher created and where to sign in. */
  WELCOME_ACCOUNT(
      "Welcome (Jellyfin/Emby)",
      "the subscriber, after Usher created their account",
      "Your {server} account is ready",
      """
      Hi {name},

      Your account on {server} is ready ({plan} plan, until {expires}).

      Server address: {server_url}
      User name: {username}
      Password: {password}

      Sign in with the Jellyfin or Emby app, or in a browser at the address above, and change \
      the password after your first sign-in.

      To renew or change your plan, visit {checkout_url}"""),

  /** A pay-as-you-go (or cancelled) subscriber, some days before access ends. */
  EXPIRING_SOON(
      "Expiring soon",
      "the subscriber, the days before expiry listed in reminders.days",
      "Your {plan} access ends on {expires}",
      """
      Hi {name},

      Your {plan} access ends on {expires}. To keep watching without a break, renew before then \
      at {checkout_url}

      A renewal starts when your current access ends, so renewing early costs you nothing."""),

  /** A subscriber whose access has just been removed. */
  EXPIRED(
      "Expired",
      "the subscriber, when expiry removes their access",
      "Your {plan} access has ended",
      """
      Hi {name},

      Your {plan} access ended on {expires}, so it has been removed from your account.

      You are welcome back at any time: renew at {checkout_url} and your access returns."""),

  /** The owner's report once a bulk import has finished. */
  IMPORT_RESULTS(
      "Import results",
      "you (owner.email), after a bulk import",
      "Usher: your bulk import has finished",
      """
      Your bulk import has finished.

      {summary}

      Rows that failed are listed above with the reason; correct them and import those rows \
      again."""),

  /** Something the owner must act on: no server with room for a plan, and the like. */
  OWNER_ALERT(
      "Alert for you",
      "you (owner.email), when Usher needs you",
      "Usher needs you: {summary}",
      """
      Usher could not finish something on its own:

      {summary}

      Open Usher to fix it; the affected customer is waiting."""),

  /** A subscriber streamed more at once than their plan allows; the excess was stopped. */
  TOO_MANY_STREAMS(
      "Too many streams",
      "the subscriber, when streams over the limit are stopped",
      "Too many streams at once on your {plan} plan",
      """
      Hi {name},

      Your {plan} plan allows a set number of streams at once, and more were playing:

      {summary}

      Please keep to your plan's limit. To watch on more screens at once, choose a bigger plan \
      at {checkout_url}"""),

  /** A subscriber's stream was transcoding when their plan or the server does not allow it. */
  TRANSCODE_NOT_ALLOWED(
      "Transcoding not allowed",
      "the subscriber, when a transcoding stream is stopped",
      "Your stream was stopped: transcoding is not available",
      """
      Hi {name},

      A stream was converted on the fly (transcoded), which your {plan} plan or the server \
      does not allow:

      {summary}

      Set the player's quality to Original or Maximum (direct play), or pick a lower-resolution \
      version of the title, and start it again. To include transcoding, choose another plan at \
      {checkout_url}"""),

  /** Emby devices over the plan's limit were signed out, the least recently used first. */
  TOO_MANY_DEVICES(
      "Too many devices",
      "the subscriber, when extra Emby devices are signed out",
      "A device was signed out of {server}",
      """
      Hi {name},

      Your {plan} plan allows a set number of devices, and more were signed in, so the ones used \
      least recently have been signed out:

      {summary}

      Your other devices keep working. To watch on one of these again, sign out of a device you \
      no longer use (or ask us to remove it) and sign in again. For more devices, choose a bigger \
      plan at {checkout_url}"""),

  /**
   * A customer asked for their account page: the one-time address that signs them in. Only ever
   * mailed, never sent as a Discord DM, because receiving it is what proves the address is theirs.
   */
  ACCOUNT_LINK(
      "Account sign-in link",
      "the customer, when they ask for their account page",
      "Your sign-in link",
      """
      Hi {name},

      Here is your link to your account page, where you can see your plan and when it ends, \
      renew, and get re-invited:

      {link}

      The link works for {hours}. If you did not ask for it, ignore this email: nothing \
      changes without the link."""),

  /** Sent when the owner warns a subscriber from the Sharing screen. */
  SHARING_WARNING(
      "Account sharing",
      "the subscriber, when you warn them from the Sharing screen",
      "About how your {plan} account is used",
      """
      Hi {name},

      Your {plan} plan is for one household, and lately your account was used in a way one \
      household does not explain:

      {summary}

      Please keep your account to yourself and the people you live with. If more people need \
      to watch, choose a plan with more streams at {checkout_url}

      If this was not you, reply to this email and change your password."""),

  /** Sent from the Mail screen to check the SMTP settings. */
  TEST(
      "Test email",
      "the address you test with",
      "Usher test email",
      """
      This is a test email from Usher.

      If you can read it, Usher can send mail through this SMTP server and nothing else needs \
      doing.""");

  private final String label;
  private final String recipient;
  private final String defaultSubject;
  private final String defaultBody;

  MailEvent(String label, String recipient, String defaultSubject, String defaultBody) {
    this.label = label;
    this.recipient = recipient;
    this.defaultSubject = defaultSubject;
    this.defaultBody = defaultBody;
  }

  /**
   * The name scripts use ({@code usher template show welcome-plex}): the constant's name in lower
   * case with hyphens.
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The event with this {@link #code()}, ignoring case. */
  public static Optional<MailEvent> fromCode(String code) {
    return Arrays.stream(values()).filter(e -> e.code().equalsIgnoreCase(code)).findFirst();
  }

  /** The event as the owner reads it in a list. */
  public String label() {
    return label;
  }

  /** Who receives this mail, in words. */
  public String recipient() {
    return recipient;
  }

  public String defaultSubject() {
    return defaultSubject;
  }

  public String defaultBody() {
    return defaultBody;
  }

  /** Placeholders the owner's wording must keep: without {link} the sign-in mail is useless. */
  public List<String> required() {
    return this == ACCOUNT_LINK ? List.of("link") : List.of();
  }

  public MailTemplate defaultTemplate() {
    return new MailTemplate(this, defaultSubject, defaultBody);
  }
}

package io.usher.application.accounts;

import io.usher.application.outbox.OutboxService;
import io.usher.domain.accounts.AccountLink;
import io.usher.domain.accounts.AccountLinkStore;
import io.usher.domain.common.Transactions;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.outbox.OutboxHandler;
import io.usher.domain.outbox.Payload;
import io.usher.domain.settings.Settings;
import io.usher.domain.users.Emails;
import io.usher.domain.users.User;
import io.usher.domain.users.UserStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Sign-in links for the customer account page: a customer types their email and, when it belongs to
 * a user, a link is mailed to it. Whether the email is known is never told to the asker, not even
 * by how long the answer takes: every request is only recorded in the outbox, and the outbox's
 * handler decides whether it belongs to a user. The token is made by that handler just before the
 * mail is sent and never stored: only its SHA-256 is (not in the outbox, not in a log). A link
 * works until it expires, however often it is opened.
 */
public final class AccountLinkService {
  /** The outbox kind of a request for a link. */
  public static final String OUTBOX_KIND = "account-link";

  static final int TOKEN_BYTES = 32;

  /** Links that work at once per user: a newer link retires the oldest beyond this. */
  static final int MAX_LIVE_LINKS = 5;

  /**
   * Links mailed to one user per hour, whoever asks: the per-address rate limit alone would let
   * many addresses flood one inbox.
   */
  static final int MAX_PER_HOUR = 3;

  private static final String EMAIL = "email";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final Transactions tx;
  private final AccountLinkStore links;
  private final UserStore users;
  private final OutboxService outbox;
  private final LinkMail mail;
  private final Settings settings;
  private final Function<String, String> accountLink;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** Sends a sign-in mail now, or throws the failure's sentence. */
  @FunctionalInterface
  public interface LinkMail {
    void send(MailEvent event, String to, Map<String, String> values);
  }

  /**
   * @param outbox where requests wait for the handler ({@link #handler()})
   * @param mail mail only (not Discord): receiving the link is what proves the address is theirs
   * @param settings reads a setting's current value (account.link-hours)
   * @param accountLink a sign-in token → the account page's address that opens with it
   */
  public AccountLinkService(
      Transactions tx,
      AccountLinkStore links,
      UserStore users,
      OutboxService outbox,
      LinkMail mail,
      Settings settings,
      Function<String, String> accountLink,
      Clock clock) {
    this.tx = tx;
    this.links = links;
    this.users = users;
    this.outbox = outbox;
    this.mail = mail;
    this.settings = settings;
    this.accountLink = accountLink;
    this.clock = clock;
  }

  /** How long a new link works, read now so a changed setting applies to the next link. */
  public int linkHours() {
    return (int) settings.accountLinkLife().toHours();
  }

  /** "1 hour", "24 hours": how long a link works, as a sentence says it. */
  public static String hoursText(int hours) {
    return hours == 1 ? "1 hour" : hours + " hours";
  }

  /**
   * Records the request; the outbox then mails a sign-in link when the email belongs to a user and
   * does nothing otherwise. The same work for every address, so the caller cannot tell which.
   *
   * @throws io.usher.domain.common.ValidationException when the text is not an email address
   */
  public void request(String email) {
    String address = Emails.normalize(email);
    tx.run(() -> outbox.enqueue(OUTBOX_KIND, Payload.encode(Map.of(EMAIL, address))));
  }

  /** Does the recorded requests, in the outbox's transaction. */
  public OutboxHandler handler() {
    return OutboxHandler.of(
        OUTBOX_KIND,
        payload -> {
          String address = Payload.decode(payload).get(EMAIL);
          if (address != null) {
            mailLink(address);
          }
        });
  }

  /**
   * Mails a link when the address belongs to a user and their inbox has had fewer than {@link
   * #MAX_PER_HOUR} this hour. A failed send throws, so the link's hash is rolled back with it and
   * the outbox tries again with a new token.
   */
  private void mailLink(String address) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    tx.run(
        () -> {
          links.deleteExpired(now);
          Optional<User> user = users.byEmail(address);
          if (user.isEmpty()) {
            return;
          }
          List<AccountLink> live = links.forUser(user.get().id());
          long lastHour =
              live.stream()
                  .filter(l -> l.created().isAfter(now.minus(Duration.ofHours(1))))
                  .count();
          if (lastHour >= MAX_PER_HOUR) {
            return;
          }
          if (live.size() >= MAX_LIVE_LINKS) {
            links.delete(
                live.subList(MAX_LIVE_LINKS - 1, live.size()).stream()
                    .map(AccountLink::id)
                    .toList());
          }
          int hours = linkHours();
          String token = newToken();
          links.insert(
              hash(token), user.get().id(), address, now, now.plus(Duration.ofHours(hours)));
          Map<String, String> values = new HashMap<>();
          values.put("name", user.get().spec().label());
          values.put("email", address);
          values.put("link", accountLink.apply(token));
          values.put("hours", hoursText(hours));
          mail.send(MailEvent.ACCOUNT_LINK, address, values);
        });
  }

  /** The user a link signs in, while it works; empty for an expired, unknown or malformed one. */
  public Optional<User> user(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return links
        .byHash(hash(token))
        .filter(link -> link.validAt(now))
        .flatMap(link -> users.byId(link.userId()));
  }

  private String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

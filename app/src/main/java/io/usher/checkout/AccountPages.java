package io.usher.checkout;

import com.sun.net.httpserver.HttpExchange;
import io.usher.application.accounts.AccountLinkService;
import io.usher.application.accounts.AccountView;
import io.usher.application.accounts.CustomerAccountService;
import io.usher.application.accounts.LinkExpiredException;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.FieldError;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer account page: asking for a sign-in link, the page itself, and its forms (renew,
 * re-invite, change Plex account). The sign-in token travels in the link and in each form, and is
 * checked again on every request; it is never logged.
 */
public final class AccountPages {
  /** The paths answered here; the checkout endpoint routes them to {@link #handle}. */
  static final Set<String> PATHS =
      Set.of("/account", "/account/login", "/account/renew", "/account/reinvite", "/account/plex");

  private static final Logger LOG = LoggerFactory.getLogger(AccountPages.class);
  private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Exchanges.Back SIGN_IN =
      new Exchanges.Back("Back to sign-in", "/account/login", "the sign-in page");

  private final AccountLinkService links;
  private final CustomerAccountService accounts;
  private final Csrf csrf;
  private final RateLimiter posts;

  public AccountPages(
      AccountLinkService links, CustomerAccountService accounts, Csrf csrf, RateLimiter posts) {
    this.links = links;
    this.accounts = accounts;
    this.csrf = csrf;
    this.posts = posts;
  }

  void handle(HttpExchange exchange, String path) throws IOException {
    String method = exchange.getRequestMethod();
    switch (path) {
      case "/account" -> {
        if (allowed(exchange, "GET")) {
          page(exchange);
        }
      }
      case "/account/login" -> {
        if (method.equals("POST")) {
          login(exchange);
        } else if (allowed(exchange, "GET, POST")) {
          Exchanges.page(exchange, 200, AccountHtml.login("", null, null, csrf.issue()));
        }
      }
      case "/account/renew" -> post(exchange, this::renew);
      case "/account/reinvite" -> post(exchange, this::reinvite);
      case "/account/plex" -> post(exchange, this::plex);
      default -> throw new IllegalArgumentException("not an account path: " + path);
    }
  }

  private void page(HttpExchange exchange) throws IOException {
    Optional<Map<String, String>> query = Exchanges.query(exchange);
    String token = query.map(q -> q.get("token")).orElse(null);
    if (query.isPresent() && (token == null || token.isBlank())) {
      Exchanges.seeOther(exchange, "/account/login");
      return;
    }
    try {
      show(exchange, 200, token, AccountHtml.Notes.NONE);
    } catch (LinkExpiredException e) {
      expired(exchange);
    }
  }

  /** The same neutral answer whether or not the email has an account: nothing to enumerate. */
  private void login(HttpExchange exchange) throws IOException {
    Optional<Map<String, String>> form = Exchanges.readForm(exchange, posts, SIGN_IN);
    if (form.isEmpty()) {
      return;
    }
    String email = form.get().getOrDefault("email", "");
    if (!csrf.valid(form.get().get("csrf"))) {
      Exchanges.page(
          exchange,
          403,
          AccountHtml.login(
              email,
              null,
              "This form had expired, so nothing was sent. Please send it again.",
              csrf.issue()));
      return;
    }
    try {
      links.request(email);
    } catch (ValidationException e) {
      Exchanges.page(exchange, 400, AccountHtml.login(email, e.getMessage(), null, csrf.issue()));
      return;
    }
    Exchanges.page(
        exchange,
        200,
        Pages.message(
            "Check your email",
            "If "
                + email.strip()
                + " has an account with us, a sign-in link is on its way; it works for "
                + AccountLinkService.hoursText(links.linkHours())
                + ". It can take a few minutes to arrive: look in your spam folder too.",
            "Back to the plans"));
  }

  private interface Form {
    void submit(HttpExchange exchange, String token, Map<String, String> fields) throws IOException;
  }

  /** Every account form: read strictly, CSRF-checked, then the token is checked by the action. */
  private void post(HttpExchange exchange, Form form) throws IOException {
    if (!allowed(exchange, "POST")) {
      return;
    }
    Optional<Map<String, String>> fields = Exchanges.readForm(exchange, posts, SIGN_IN);
    if (fields.isEmpty()) {
      return;
    }
    String token = fields.get().get("token");
    try {
      if (!csrf.valid(fields.get().get("csrf"))) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
          expired(exchange);
        } else {
          show(
              exchange,
              403,
              token,
              AccountHtml.Notes.error(
                  "That form had expired, so nothing was done. Please send it again."));
        }
        return;
      }
      form.submit(exchange, token, fields.get());
    } catch (LinkExpiredException e) {
      expired(exchange);
    }
  }

  private void renew(HttpExchange exchange, String token, Map<String, String> fields)
      throws IOException {
    URI provider;
    try {
      provider =
          accounts.renew(
              token, fields.getOrDefault("plan", ""), fields.getOrDefault("discount", ""));
    } catch (ValidationException e) {
      show(
          exchange,
          400,
          token,
          AccountHtml.Notes.renewRefused(e.getMessage(), fields.get("discount")));
      return;
    } catch (LinkExpiredException e) {
      throw e;
    } catch (UsherException e) {
      refused(exchange, token, e);
      return;
    }
    Exchanges.seeOther(exchange, provider.toASCIIString());
  }

  private void reinvite(HttpExchange exchange, String token, Map<String, String> fields)
      throws IOException {
    String server;
    try {
      server = accounts.reinvite(token);
    } catch (LinkExpiredException e) {
      throw e;
    } catch (UsherException e) {
      refused(exchange, token, e);
      return;
    }
    Exchanges.page(
        exchange,
        200,
        Pages.message(
            "Your invitation is on its way",
            "You are being invited on "
                + server
                + ". The invitation email follows within a few minutes: accept it (Plex) or sign"
                + " in with the user name and password it gives (Jellyfin, Emby).",
            "Back to your account",
            back(token)));
  }

  private void plex(HttpExchange exchange, String token, Map<String, String> fields)
      throws IOException {
    String typed = fields.getOrDefault("new_email", "");
    String moved;
    try {
      moved = accounts.changePlex(token, typed);
    } catch (ValidationException e) {
      String sentence =
          e.errors().stream()
              .filter(f -> f.field().equals("newEmail"))
              .map(FieldError::message)
              .findFirst()
              .orElse(e.getMessage());
      show(exchange, 400, token, new AccountHtml.Notes(null, null, null, "", typed, sentence));
      return;
    } catch (LinkExpiredException e) {
      throw e;
    } catch (UsherException e) {
      refused(exchange, token, e);
      return;
    }
    AccountView after = accounts.view(token);
    String next =
        after.servers().isEmpty()
            ? after.canReinvite() ? " Use Re-invite me below to get your invitation." : ""
            : " Plex is sending an invitation to it: accept it in the email from Plex or at"
                + " app.plex.tv.";
    show(
        exchange,
        200,
        token,
        AccountHtml.Notes.ok("Your Plex account is now " + moved + "." + next));
  }

  /** A refusal of a whole form: 409 for a conflict with the account's state, else 503. */
  private void refused(HttpExchange exchange, String token, UsherException e) throws IOException {
    int status = e instanceof ConflictException ? 409 : 503;
    if (status == 503) {
      LOG.warn("Account page action refused: {}", e.getMessage());
    }
    show(exchange, status, token, AccountHtml.Notes.error(e.getMessage()));
  }

  private void show(HttpExchange exchange, int status, String token, AccountHtml.Notes notes)
      throws IOException {
    AccountView view = accounts.view(token);
    Exchanges.page(exchange, status, AccountHtml.account(view, token, csrf.issue(), notes));
  }

  /** Expired, unknown and tampered links look alike: the link does not lead anywhere (404). */
  private static void expired(HttpExchange exchange) throws IOException {
    Exchanges.page(
        exchange,
        404,
        Pages.message(
            "This link has expired",
            "Sign-in links work for a limited time, and this one is expired or not valid. Ask for a"
                + " new one: it comes by email within a few minutes.",
            "Send me a new link",
            SIGN_IN));
  }

  private static Exchanges.Back back(String token) {
    return new Exchanges.Back(
        "Back to your account", "/account?token=" + token, "your account page");
  }

  private static boolean allowed(HttpExchange exchange, String methods) throws IOException {
    if (Set.of(methods.split(", ")).contains(exchange.getRequestMethod())) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", methods);
    Exchanges.page(
        exchange,
        405,
        Pages.message(
            "Not allowed",
            "This address does not answer " + exchange.getRequestMethod() + ".",
            "Back to sign-in",
            SIGN_IN));
    return false;
  }
}

package io.usher.checkout;

import io.usher.application.accounts.AccountView;
import io.usher.application.checkout.OfferedPlan;
import io.usher.domain.ledger.PlanChange;
import io.usher.domain.ledger.UserStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The customer account pages, rendered on the server from the templates beside this class. */
final class AccountHtml {
  private static final Template LOGIN = Template.load("account-login.html");
  private static final Template ACCOUNT = Template.load("account.html");
  private static final Template REFERRAL = Template.load("account-referral.html");
  private static final Template PLEX = Template.load("account-plex.html");
  private static final Template REINVITE = Template.load("account-reinvite.html");
  private static final Template RENEW = Template.load("account-renew.html");
  private static final Template QUICK = Template.load("account-quick.html");
  private static final Template PLANS = Template.load("account-plans.html");

  /** Customers are anywhere: the time is given in UTC and says so. */
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private AccountHtml() {}

  /**
   * What a re-rendered account page adds to the view: a banner and what a refused form held.
   *
   * @param ok a success sentence, or null
   * @param error a sentence about the whole page, or null
   * @param renewError a sentence beside the renewal, or null
   * @param plexValue what was typed into the Plex account form
   * @param plexError the sentence beside that field, or null
   */
  record Notes(
      String ok,
      String error,
      String renewError,
      String discountValue,
      String plexValue,
      String plexError) {
    static final Notes NONE = new Notes(null, null, null, "", "", null);

    static Notes ok(String sentence) {
      return new Notes(sentence, null, null, "", "", null);
    }

    static Notes error(String sentence) {
      return new Notes(null, sentence, null, "", "", null);
    }

    /** A renewal that was refused, with the discount code the customer typed kept in its field. */
    static Notes renewRefused(String sentence, String discount) {
      return new Notes(null, null, sentence, discount == null ? "" : discount, "", null);
    }
  }

  /**
   * @param fieldError the sentence beside the email field, or null
   * @param pageError a sentence about the whole form, or null
   */
  static String login(String email, String fieldError, String pageError, String csrf) {
    boolean bad = fieldError != null;
    return Pages.layout(
        "Your account",
        LOGIN.render(
            Map.of(
                "errors",
                new Html.Markup(banner(pageError == null ? Notes.NONE : Notes.error(pageError))),
                "csrf",
                csrf,
                "email",
                email,
                "invalid",
                new Html.Markup(
                    bad ? " aria-invalid=\"true\" aria-describedby=\"email-error\"" : ""),
                "fielderror",
                new Html.Markup(bad ? fieldError("email-error", fieldError) : ""))));
  }

  static String account(AccountView view, String token, String csrf, Notes notes) {
    Map<String, Object> v = new HashMap<>();
    v.put("greeting", view.name() == null ? "Your account" : "Hi " + view.name());
    v.put("notice", new Html.Markup(banner(notes)));
    v.put("email", view.email());
    v.put(
        "plan", view.plan() == null ? (view.permanent() ? "Permanent" : "None yet") : view.plan());
    boolean active = view.status() == UserStatus.ACTIVE;
    v.put("statusclass", active ? "active" : "expired");
    v.put("status", active ? "Active" : "Expired");
    v.put("expireslabel", active ? "Access until" : "Access ended");
    v.put("expires", expires(view));
    v.put("servers", new Html.Markup(servers(view)));
    v.put("plex", new Html.Markup(view.mustChangeAccount() ? plex(view, token, csrf, notes) : ""));
    v.put("reinvite", new Html.Markup(view.canReinvite() ? reinvite(view, token, csrf) : ""));
    v.put("renew", new Html.Markup(renew(view, token, csrf, notes)));
    v.put("referral", new Html.Markup(referral(view.referrals())));
    return Pages.layout("Your account", ACCOUNT.render(v));
  }

  private static String expires(AccountView view) {
    if (view.permanent()) {
      return "Permanent: no end date";
    }
    return view.expires() == null ? "No payment yet" : WHEN.format(view.expires());
  }

  private static String servers(AccountView view) {
    if (view.servers().isEmpty()) {
      return Html.escape(view.inviteQueued() ? "An invitation is on its way" : "None right now");
    }
    return view.servers().stream()
        .map(
            s ->
                Html.escape(s.server())
                    + (s.waiting()
                        ? " <span class=\"muted\">(invitation waiting: accept it in your app or"
                            + " at app.plex.tv)</span>"
                        : ""))
        .collect(Collectors.joining("<br>"));
  }

  private static String plex(AccountView view, String token, String csrf, Notes notes) {
    boolean bad = notes.plexError() != null;
    return PLEX.render(
        Map.of(
            "email",
            view.email(),
            "csrf",
            csrf,
            "token",
            token,
            "value",
            notes.plexValue(),
            "invalid",
            new Html.Markup(
                bad ? " aria-invalid=\"true\" aria-describedby=\"new-email-error\"" : ""),
            "fielderror",
            new Html.Markup(bad ? fieldError("new-email-error", notes.plexError()) : "")));
  }

  private static String referral(AccountView.Referrals r) {
    if (r == null) {
      return "";
    }
    String earned =
        switch (r.friends()) {
          case 0 -> "No one has joined through it yet.";
          case 1 -> "1 friend joined through it";
          default -> r.friends() + " friends joined through it";
        };
    if (r.friends() > 0) {
      earned +=
          r.bonusSeconds() > 0
              ? " and earned you " + PlanChange.span(r.bonusSeconds()) + " of access."
              : ".";
    }
    return REFERRAL.render(
        Map.of(
            "text",
            "Share your link: when a friend buys their first plan through it, you get extra days"
                + " of access.",
            "link",
            r.link(),
            "code",
            r.code(),
            "earned",
            earned));
  }

  private static String reinvite(AccountView view, String token, String csrf) {
    String text =
        view.permanent() || view.expires() == null
            ? "Your access is paid up, but you are on none of our servers right now."
            : "Your access is paid until "
                + DAY.format(view.expires())
                + ", but you are on none of our servers right now.";
    return REINVITE.render(
        Map.of(
            "text",
            text + " We can send you a new invitation to " + view.email() + ".",
            "csrf",
            csrf,
            "token",
            token));
  }

  private static String renew(AccountView view, String token, String csrf, Notes notes) {
    if (view.permanent() || view.mustChangeAccount()) {
      return "";
    }
    List<OfferedPlan> plans = view.plans();
    String text;
    if (plans.isEmpty()) {
      text = "There is nothing to buy right now; please come back later.";
    } else if (view.expires() == null) {
      text = "Choose a plan to start watching.";
    } else if (view.status() == UserStatus.ACTIVE) {
      text =
          "A renewal starts when your current access ends ("
              + DAY.format(view.expires())
              + "), so renewing early costs you nothing.";
    } else {
      text = "Your access ended on " + DAY.format(view.expires()) + ". Renew to watch again.";
    }
    String choice = "";
    if (!plans.isEmpty()) {
      OfferedPlan own =
          view.renewPlan() == null
              ? null
              : plans.stream()
                  .filter(p -> p.name().equals(view.renewPlan()))
                  .findFirst()
                  .orElse(null);
      if (own != null) {
        choice =
            QUICK.render(
                Map.of(
                    "csrf",
                    csrf,
                    "token",
                    token,
                    "plan",
                    own.name(),
                    "price",
                    own.price(),
                    "per",
                    own.per(),
                    "discount",
                    notes.discountValue()));
        if (plans.size() > 1) {
          choice +=
              "<details><summary>Choose another plan</summary>\n"
                  + choose(plans, own.name(), token, csrf, notes.discountValue())
                  + "</details>\n";
        }
      } else {
        if (view.plan() != null) {
          text += " Your " + view.plan() + " plan is no longer offered: choose another one.";
        }
        choice = choose(plans, "", token, csrf, notes.discountValue());
      }
    }
    String errors =
        notes.renewError() == null
            ? ""
            : "<div class=\"errors\" role=\"alert\"><p>"
                + Html.escape(notes.renewError())
                + "</p></div>";
    return RENEW.render(
        Map.of("errors", new Html.Markup(errors), "text", text, "choice", new Html.Markup(choice)));
  }

  private static String choose(
      List<OfferedPlan> plans, String checked, String token, String csrf, String discount) {
    StringBuilder cards = new StringBuilder();
    for (OfferedPlan p : plans) {
      cards.append(Pages.card(p, plans.size() == 1 || p.name().equals(checked)));
    }
    return PLANS.render(
        Map.of(
            "csrf",
            csrf,
            "token",
            token,
            "cards",
            new Html.Markup(cards.toString()),
            "discount",
            discount));
  }

  private static String banner(Notes notes) {
    if (notes.error() != null) {
      return "<div class=\"errors\" role=\"alert\"><p>" + Html.escape(notes.error()) + "</p></div>";
    }
    if (notes.ok() != null) {
      return "<div class=\"ok\" role=\"status\"><p>" + Html.escape(notes.ok()) + "</p></div>";
    }
    return "";
  }

  private static String fieldError(String id, String sentence) {
    return "<p class=\"field-error\" id=\"" + id + "\">" + Html.escape(sentence) + "</p>";
  }
}

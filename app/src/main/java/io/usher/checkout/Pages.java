package io.usher.checkout;

import io.usher.application.checkout.OfferedPlan;
import java.util.List;
import java.util.Map;

/** The checkout's pages, rendered on the server from the templates beside this class. */
final class Pages {
  private static final Template LAYOUT = Template.load("layout.html");
  private static final Template OFFER = Template.load("offer.html");
  private static final Template CARD = Template.load("card.html");
  private static final Template LOCATIONS = Template.load("locations.html");
  private static final Template MESSAGE = Template.load("message.html");
  private static final Template REFERRAL = Template.load("referral.html");

  private Pages() {}

  /** What the customer typed, kept when the form comes back with a problem. */
  record Typed(String email, String plan, String location, String discount, String referral) {
    static final Typed NONE = new Typed("", "", "", "", "");

    /**
     * The plans page opened from a link: a referral's code in its field, a plan ({@code
     * /?plan=NAME}) chosen already; either may be empty.
     */
    static Typed linked(String plan, String code) {
      return new Typed("", plan, "", "", code);
    }
  }

  /**
   * How the customer may pay: by card (Stripe), through PayPal, or both; and whether the form asks
   * for a referral code.
   */
  record Pay(boolean card, boolean paypal, boolean referrals) {
    /**
     * The form's buttons. A free trial is paid for by no one, so while a trial plan is chosen the
     * first button reads "Start free trial" and the PayPal one steps aside (the page's CSS, no
     * script).
     */
    String buttons() {
      String paypalButton =
          "<button type=\"submit\" name=\"pay\" value=\"paypal\" class=\"paypal\">%s</button>";
      String trial = "<span class=\"for-trial\">Start free trial</span>";
      if (paypal && !card) {
        return "<button type=\"submit\" name=\"pay\" value=\"paypal\" class=\"paypal only\">"
            + "<span class=\"for-paid\">Continue to PayPal</span>"
            + trial
            + "</button>";
      }
      String cardButton =
          "<button type=\"submit\"><span class=\"for-paid\">Continue to payment"
              + "</span>"
              + trial
              + "</button>";
      return paypal ? cardButton + "\n" + paypalButton.formatted("Pay with PayPal") : cardButton;
    }
  }

  static Pay pay(io.usher.application.checkout.CheckoutService checkout) {
    return new Pay(checkout.cardOffered(), checkout.paypalOffered(), checkout.referralsOffered());
  }

  /**
   * The plans page for a new customer; while every linked server is full it says so instead, before
   * anyone types or pays.
   */
  static String offer(
      io.usher.application.checkout.CheckoutService checkout,
      Typed typed,
      List<String> problems,
      String csrf) {
    if (checkout.turningNewcomersAway()) {
      return message(
          "Sign-ups are paused",
          "Every server is full right now, so no new account can be opened. Please come back"
              + " later. If you already watch here, renew from the link in your last email.",
          "Try again");
    }
    return offer(checkout.offer(), checkout.locations(), typed, problems, csrf, pay(checkout));
  }

  static String offer(
      List<OfferedPlan> plans,
      List<String> locations,
      Typed typed,
      List<String> problems,
      String csrf,
      Pay pay) {
    if (plans.isEmpty()) {
      return message(
          "Nothing on sale right now", "There are no plans to buy at the moment.", "Try again");
    }
    StringBuilder cards = new StringBuilder();
    boolean onlyOne = plans.size() == 1;
    boolean chosen = plans.stream().anyMatch(p -> p.name().equalsIgnoreCase(typed.plan()));
    for (OfferedPlan p : plans) {
      cards.append(
          card(p, onlyOne || (chosen ? p.name().equalsIgnoreCase(typed.plan()) : p.preselected())));
    }
    String locationField = "";
    if (!locations.isEmpty()) {
      StringBuilder options = new StringBuilder();
      for (String l : locations) {
        options
            .append("<option value=\"")
            .append(Html.escape(l))
            .append('"')
            .append(l.equalsIgnoreCase(typed.location()) ? " selected" : "")
            .append('>')
            .append(Html.escape(l))
            .append("</option>\n");
      }
      locationField = LOCATIONS.render(Map.of("options", new Html.Markup(options.toString())));
    }
    String errors = "";
    if (!problems.isEmpty()) {
      StringBuilder list = new StringBuilder("<div class=\"errors\" role=\"alert\"><ul>");
      problems.forEach(p -> list.append("<li>").append(Html.escape(p)).append("</li>"));
      errors = list.append("</ul></div>").toString();
    }
    String body =
        OFFER.render(
            Map.of(
                "errors",
                new Html.Markup(errors),
                "csrf",
                csrf,
                "cards",
                new Html.Markup(cards.toString()),
                "email",
                typed.email(),
                "locations",
                new Html.Markup(locationField),
                "discount",
                typed.discount(),
                "referral",
                new Html.Markup(
                    pay.referrals() ? REFERRAL.render(Map.of("code", typed.referral())) : ""),
                "buttons",
                new Html.Markup(pay.buttons())));
    return layout("Choose your plan", body);
  }

  /** One plan as a card with its radio button, for the plans page and the renewal. */
  static String card(OfferedPlan p, boolean checked) {
    return CARD.render(
        Map.of(
            "name",
            p.name(),
            "checked",
            new Html.Markup((checked ? " checked" : "") + (p.trial() ? " data-trial" : "")),
            "trial",
            new Html.Markup(p.trial() ? " <span class=\"tag\">Trial</span>" : ""),
            "price",
            p.price(),
            "per",
            p.price().equals("Free") ? "for " + p.duration() : p.per(),
            "permonth",
            new Html.Markup(
                p.perMonth().isEmpty()
                    ? ""
                    : "<div class=\"muted small\">" + Html.escape(p.perMonth()) + "</div>"),
            "streams",
            p.streams() == 1 ? "1 stream at a time" : p.streams() + " streams at a time",
            "downloads",
            p.downloads() ? "Downloads allowed" : "No downloads",
            "transcoding",
            p.transcoding() ? "Transcoding allowed" : "Original quality only",
            "more",
            new Html.Markup(
                (p.devices() == null
                        ? ""
                        : "<li>"
                            + (p.devices() == 1 ? "1 Emby device" : p.devices() + " Emby devices")
                            + "</li>\n")
                    + (p.groups().isEmpty()
                        ? ""
                        : "<li>"
                            + Html.escape("Libraries: " + String.join(", ", p.groups()))
                            + "</li>"))));
  }

  static String message(String heading, String text, String link) {
    return message(heading, text, link, Exchanges.Back.PLANS);
  }

  /** A message page whose one button leads to {@code back}'s address. */
  static String message(String heading, String text, String link, Exchanges.Back back) {
    return layout(
        heading,
        MESSAGE.render(
            Map.of("heading", heading, "text", text, "link", link, "href", back.href())));
  }

  /** A message page that reloads itself every few seconds (no JavaScript needed). */
  static String waiting(String heading, String text) {
    return layout(
            heading,
            MESSAGE.render(
                Map.of("heading", heading, "text", text, "link", "Back to the plans", "href", "/")))
        .replace("<head>", "<head>\n<meta http-equiv=\"refresh\" content=\"4\">");
  }

  static String layout(String title, String body) {
    return LAYOUT.render(Map.of("title", title, "body", new Html.Markup(body)));
  }
}

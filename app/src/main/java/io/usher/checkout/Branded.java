package io.usher.checkout;

import io.usher.domain.settings.Branding;

/**
 * Puts the owner's branding into a rendered page: the layout carries markers where the accent
 * colour, the name and logo, the welcome (plans page) and the foot go, and every page passes
 * through here on its way out, so no page is sent without its owner's look and none can leave a
 * marker behind. Every value is escaped; the addresses are the settings' checked http(s) ones.
 */
final class Branded {
  /** The exchange attribute that carries the {@link Branding} of the request's answer. */
  static final String ATTRIBUTE = "usher.branding";

  private Branded() {}

  static String apply(Branding b, String html) {
    return html.replace("<!--brand-style-->", style(b))
        .replace("<!--brand-header-->", header(b))
        .replace("<!--brand-welcome-->", welcome(b))
        .replace("<!--brand-footer-->", footer(b));
  }

  private static String style(Branding b) {
    // The colour was checked as #rrggbb when it was saved; it is the only thing set here.
    return b.accent().isEmpty()
        ? ""
        : "<style>:root { --accent: " + Html.escape(b.accent()) + "; }</style>";
  }

  private static String header(Branding b) {
    if (b.name().isEmpty() && b.logoUrl().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("<header class=\"brand\"><a href=\"/\">");
    if (!b.logoUrl().isEmpty()) {
      out.append("<img src=\"").append(Html.escape(b.logoUrl())).append("\" alt=\"\">");
    }
    if (!b.name().isEmpty()) {
      out.append("<span>").append(Html.escape(b.name())).append("</span>");
    }
    return out.append("</a></header>").toString();
  }

  private static String welcome(Branding b) {
    return b.welcome().isEmpty() ? "" : "<p class=\"welcome\">" + Html.escape(b.welcome()) + "</p>";
  }

  private static String footer(Branding b) {
    StringBuilder parts = new StringBuilder();
    if (!b.footer().isEmpty()) {
      parts.append("<span>").append(Html.escape(b.footer())).append("</span>");
    }
    if (!b.contact().isEmpty()) {
      parts
          .append(parts.isEmpty() ? "" : " · ")
          .append("<a href=\"mailto:")
          .append(Html.escape(b.contact()))
          .append("\">")
          .append(Html.escape(b.contact()))
          .append("</a>");
    }
    if (!b.termsUrl().isEmpty()) {
      parts
          .append(parts.isEmpty() ? "" : " · ")
          .append("<a href=\"")
          .append(Html.escape(b.termsUrl()))
          .append("\" rel=\"noopener\">Terms</a>");
    }
    return parts.isEmpty() ? "" : "<footer class=\"brand-foot muted small\">" + parts + "</footer>";
  }
}

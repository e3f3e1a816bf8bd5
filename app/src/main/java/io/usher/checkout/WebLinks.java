package io.usher.checkout;

import io.usher.application.checkout.CheckoutLinks;
import io.usher.domain.settings.Settings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The checkout page's addresses: under {@code checkout.public-url} when the owner set one (the page
 * behind a reverse proxy), else this machine on {@code checkout.port}; both read on every use so a
 * changed setting applies at once.
 */
public final class WebLinks implements CheckoutLinks {
  private final Settings settings;

  public WebLinks(Settings settings) {
    this.settings = settings;
  }

  private String base() {
    String url = settings.checkoutPublicUrl();
    if (!url.isEmpty()) {
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
    return "http://127.0.0.1:" + settings.checkoutPort();
  }

  @Override
  public String plans() {
    return base() + "/";
  }

  @Override
  public String returned() {
    return base() + "/checkout/return";
  }

  @Override
  public String returned(String sessionId) {
    return returned() + "?session_id=" + encode(sessionId);
  }

  @Override
  public String cancelled() {
    return base() + "/checkout/cancel";
  }

  @Override
  public String account(String token) {
    return base() + "/account?token=" + encode(token);
  }

  @Override
  public String referral(String code) {
    return base() + "/?ref=" + encode(code);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

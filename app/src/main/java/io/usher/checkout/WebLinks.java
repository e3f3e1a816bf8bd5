package io.usher.checkout;

import io.usher.application.checkout.CheckoutLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The checkout page's addresses: under {@code checkout.public-url} when the owner set one (the page
 * behind a reverse proxy), else this machine on {@code checkout.port}; both read on every use so a
 * changed setting applies at once.
 */
public final class WebLinks implements CheckoutLinks {
  private final Function<String, String> settings;

  /**
   * @param settings a setting's effective value (checkout.public-url, checkout.port)
   */
  public WebLinks(Function<String, String> settings) {
    this.settings = settings;
  }

  private String base() {
    String configured = settings.apply("checkout.public-url");
    if (configured != null && !configured.isBlank()) {
      String url = configured.strip();
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
    return "http://127.0.0.1:" + settings.apply("checkout.port").strip();
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

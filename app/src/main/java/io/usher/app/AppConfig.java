package io.usher.app;

import io.usher.domain.settings.SettingKey;
import io.usher.domain.settings.SettingsStore;
import java.util.Map;

/**
 * The addresses of outside services: the environment wins over a setting, a setting over the
 * default (the interfaces contract), so tests and proxies can point Usher elsewhere.
 */
final class AppConfig {
  private final Map<String, String> env;
  private final SettingsStore settings;

  AppConfig(Map<String, String> env, SettingsStore settings) {
    this.env = env;
    this.settings = settings;
  }

  String plexTvUrl() {
    return address("USHER_PLEX_TV_URL", "plex.tv-url");
  }

  /** Plex's web app, where the owner confirms a "Sign in with Plex" code. */
  String plexAppUrl() {
    return address("USHER_PLEX_APP_URL", "plex.app-url");
  }

  String paypalApiUrl() {
    return address("USHER_PAYPAL_API_URL", "paypal.api-url");
  }

  String stripeApiUrl() {
    return address("USHER_STRIPE_API_URL", "stripe.api-url");
  }

  /** Where Stripe's hosted payment pages are: the checkout page's form may lead there. */
  String stripeCheckoutUrl() {
    return address("USHER_STRIPE_CHECKOUT_URL", "stripe.checkout-url");
  }

  String discordApiUrl() {
    return address("USHER_DISCORD_API_URL", "discord.api-url");
  }

  private String address(String envName, String key) {
    String fromEnv = env.get(envName);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return trim(fromEnv);
    }
    return settings
        .get(key)
        .filter(v -> !v.isBlank())
        .map(AppConfig::trim)
        .orElseGet(() -> SettingKey.find(key).orElseThrow().defaultValue());
  }

  private static String trim(String url) {
    return url.strip().replaceAll("/+$", "");
  }
}

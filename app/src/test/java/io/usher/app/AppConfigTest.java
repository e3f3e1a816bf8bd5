package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.domain.settings.SettingsStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract's order for service addresses: environment, then setting, then default. */
class AppConfigTest {
  final Map<String, String> stored = new HashMap<>();
  final SettingsStore settings =
      new SettingsStore() {
        @Override
        public Optional<String> get(String key) {
          return Optional.ofNullable(stored.get(key));
        }

        @Override
        public void put(String key, String value) {
          stored.put(key, value);
        }

        @Override
        public Map<String, String> stored() {
          return stored;
        }
      };

  @Test
  void withNothingSetPlexTvIsTheDefault() {
    assertThat(new AppConfig(Map.of(), settings).plexTvUrl()).isEqualTo("https://plex.tv");
  }

  @Test
  void stripesPaymentPagesHaveTheirOwnAddressForACustomCheckoutDomain() {
    assertThat(new AppConfig(Map.of(), settings).stripeCheckoutUrl())
        .isEqualTo("https://checkout.stripe.com");
    stored.put("stripe.checkout-url", "https://pay.shop.example/");
    assertThat(new AppConfig(Map.of(), settings).stripeCheckoutUrl())
        .isEqualTo("https://pay.shop.example");
    assertThat(
            new AppConfig(Map.of("USHER_STRIPE_CHECKOUT_URL", "http://127.0.0.1:7000"), settings)
                .stripeCheckoutUrl())
        .isEqualTo("http://127.0.0.1:7000");
  }

  @Test
  void aSettingWinsOverTheDefault() {
    stored.put("plex.tv-url", "http://127.0.0.1:9000/");
    assertThat(new AppConfig(Map.of(), settings).plexTvUrl()).isEqualTo("http://127.0.0.1:9000");
  }

  @Test
  void theEnvironmentWinsOverTheSetting() {
    stored.put("plex.tv-url", "http://127.0.0.1:9000");
    AppConfig config =
        new AppConfig(Map.of("USHER_PLEX_TV_URL", "http://127.0.0.1:7000"), settings);
    assertThat(config.plexTvUrl()).isEqualTo("http://127.0.0.1:7000");
  }

  @Test
  void theClientIdentifierIsMadeOnceAndKept() {
    String first = MediaWiring.clientId(settings);
    assertThat(first).startsWith("usher-");
    assertThat(MediaWiring.clientId(settings)).isEqualTo(first);
  }

  @Test
  void withNothingSetDiscordIsApiV10() {
    assertThat(new AppConfig(Map.of(), settings).discordApiUrl())
        .isEqualTo("https://discord.com/api/v10");
  }

  @Test
  void discordFollowsTheSameOrderAsPlexTv() {
    stored.put("discord.api-url", "http://127.0.0.1:9000/api/v10/");
    assertThat(new AppConfig(Map.of(), settings).discordApiUrl())
        .isEqualTo("http://127.0.0.1:9000/api/v10");
    assertThat(
            new AppConfig(Map.of("USHER_DISCORD_API_URL", "http://proxy:8080/api"), settings)
                .discordApiUrl())
        .isEqualTo("http://proxy:8080/api");
  }
}

package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.domain.settings.SettingsStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Discord API address follows the contract: environment, then setting, then default. */
class DiscordAddressTest {
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
  void withNothingSetDiscordIsApiV10() {
    assertThat(new AppConfig(Map.of(), settings).discordApiUrl())
        .isEqualTo("https://discord.com/api/v10");
  }

  @Test
  void theSettingWinsOverTheDefaultAndTheEnvironmentOverBoth() {
    stored.put("discord.api-url", "http://127.0.0.1:9000/api/v10/");
    assertThat(new AppConfig(Map.of(), settings).discordApiUrl())
        .isEqualTo("http://127.0.0.1:9000/api/v10");
    assertThat(
            new AppConfig(Map.of("USHER_DISCORD_API_URL", "http://proxy:8080/api"), settings)
                .discordApiUrl())
        .isEqualTo("http://proxy:8080/api");
  }
}

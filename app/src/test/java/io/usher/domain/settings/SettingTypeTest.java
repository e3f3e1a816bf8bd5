package io.usher.domain.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingTypeTest {
  @ParameterizedTest(name = "{0} ''{1}'' is stored as ''{2}''")
  @CsvSource({
    "BOOLEAN, TRUE, true",
    "COUNT, ' 42 ', 42",
    "PORT, 65535, 65535",
    "PORT, +8080, 8080",
    "DAYS, 3650, 3650",
    "POLL_SECONDS, 1, 1",
    "HOST, 0.0.0.0, 0.0.0.0",
    "HOST, ::1, ::1",
    "DISCORD_ID, '', ''",
    "DISCORD_ID, 123456789012345678, 123456789012345678",
    "URL, https://pay.example.com:8443/x?y=1, https://pay.example.com:8443/x?y=1",
    "DAY_LIST, '7, 3,1,3', '7,3,1'",
    "OPTIONAL_DAYS, '', ''",
    "SMTP_SECURITY, SSL, ssl",
    "URL, http://localhost:9000/, http://localhost:9000",
    "EMAIL, Owner@Example.com, owner@example.com",
    "THEME, Dark, dark"
  })
  void normalisesValues(SettingType type, String in, String stored) {
    assertThat(type.normalize("k", in)).isEqualTo(stored);
  }

  @ParameterizedTest(name = "{0} refuses ''{1}''")
  @CsvSource({
    "BOOLEAN, yes",
    "COUNT, -1",
    "COUNT, ten",
    "COUNT, ١٢",
    "PORT, 0",
    "PORT, 99999",
    "PORT, 99999999999999999999",
    "DAYS, 3651",
    "OPTIONAL_DAYS, 2147483647",
    "DAY_LIST, '7,99999'",
    "DAY_LIST, '7,,1'",
    "POLL_SECONDS, 0",
    "PAUSE_SECONDS, 3601",
    "HOURS, 0",
    "HOST, ''",
    "HOST, 'not a host'",
    "DISCORD_ID, abc",
    "URL, http://",
    "URL, http://host:99999",
    "URL, 'http://a b'",
    "DAY_LIST, '7,x'",
    "SMTP_SECURITY, tls",
    "URL, ftp://x",
    "EMAIL, owner",
    "THEME, blue"
  })
  void refusesValuesOfTheWrongShape(SettingType type, String in) {
    assertThatThrownBy(() -> type.normalize("k", in)).isInstanceOf(ValidationException.class);
  }

  @Test
  void aValueLongerThanTheColumnIsRefused() {
    assertThatThrownBy(() -> SettingType.TEXT.normalize("smtp.host", "h".repeat(4001)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("The value of smtp.host can be at most 4000 characters long.");
  }

  @Test
  void everyDefaultPassesItsOwnCheck() {
    SettingDefaults.ALL.forEach(
        k -> assertThat(k.type().normalize(k.key(), k.defaultValue())).isEqualTo(k.defaultValue()));
  }

  @Test
  void secretsAreKnownByTheirKeyAndPrintMasked() {
    assertThat(SettingKey.find("stripe.secret-key").orElseThrow().secret()).isTrue();
    assertThat(SettingKey.find("smtp.password").orElseThrow().secret()).isTrue();
    assertThat(SettingKey.find("discord.bot-token").orElseThrow().secret()).isTrue();
    assertThat(SettingKey.find("paypal.secret").orElseThrow().secret()).isTrue();
    assertThat(SettingKey.find("smtp.host").orElseThrow().secret()).isFalse();
    assertThat(SettingKey.mask("sk_test_51234")).isEqualTo("••••1234");
    assertThat(SettingKey.mask("short")).isEqualTo("••••");
    assertThat(SettingKey.mask("")).isEmpty();
  }
}

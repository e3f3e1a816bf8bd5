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
    "WHOLE_NUMBER, ' 42 ', 42",
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
    "WHOLE_NUMBER, -1",
    "WHOLE_NUMBER, ten",
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

package io.usher.domain.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {
  final Map<String, String> stored = new HashMap<>();
  final Settings settings = stored::get;

  @Test
  void nothingStoredReadsEveryDefaultFromTheOneListOfKeys() {
    assertThat(settings.graceDays()).isZero();
    assertThat(settings.reminderDays()).containsExactly(7, 3, 1);
    assertThat(settings.invitePace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.checkoutPort()).isEqualTo(8765);
    assertThat(settings.checkoutBind()).isEqualTo("127.0.0.1");
    assertThat(settings.accountLinkLife()).isEqualTo(Duration.ofHours(24));
    assertThat(settings.stripePoll()).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.paypalPoll()).isEqualTo(Duration.ofMinutes(60));
    assertThat(settings.smtpPort()).contains(587);
    assertThat(settings.smtpSecurity()).isEqualTo("starttls");
    assertThat(settings.plexChangeRequired()).isTrue();
    assertThat(settings.discordKickAfter()).isEmpty();
    assertThat(settings.mailConfigured()).isFalse();
    assertThat(settings.theme()).isEqualTo("light");
    for (SettingKey key : SettingDefaults.ALL) {
      assertThat(settings.text(key.key())).isEqualTo(key.defaultValue().strip());
    }
  }

  @Test
  void storedValuesAreReadTyped() {
    stored.put("expiry.grace-days", "3");
    stored.put("reminders.days", "");
    stored.put("discord.kick-after-days", "30");
    stored.put("account.plex-change", "FALSE");
    stored.put("smtp.host", " mail.example.com ");
    stored.put("smtp.from", "usher@example.com");
    stored.put("smtp.password", " spaces kept ");

    assertThat(settings.graceDays()).isEqualTo(3);
    assertThat(settings.reminderDays()).isEmpty();
    assertThat(settings.discordKickAfter()).contains(Duration.ofDays(30));
    assertThat(settings.plexChangeRequired()).isFalse();
    assertThat(settings.smtpHost()).isEqualTo("mail.example.com");
    assertThat(settings.mailConfigured()).isTrue();
    assertThat(settings.smtpPassword()).isEqualTo(" spaces kept ");
  }

  @Test
  void aStoredNumberThatDoesNotParseReadsAsTheDefaultInsteadOfStoppingAJob() {
    stored.put("trial.max-users", "lots");
    stored.put("stripe.poll-seconds", "0");
    stored.put("smtp.port", "");

    assertThat(settings.trialMaxUsers()).isZero();
    assertThat(settings.stripePoll()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.smtpPort()).isEqualTo(Optional.empty());
  }

  @Test
  void aReminderListThatIsNotNumbersIsLeftForTheJobToReport() {
    stored.put("reminders.days", "7,soon");

    org.assertj.core.api.Assertions.assertThatThrownBy(settings::reminderDays)
        .isInstanceOf(NumberFormatException.class);
  }
}

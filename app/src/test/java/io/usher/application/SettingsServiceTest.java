package io.usher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.application.settings.SettingView;
import io.usher.domain.common.ValidationException;
import org.junit.jupiter.api.Test;

class SettingsServiceTest extends LedgerTestBase {

  @Test
  void unsetKeysReadAsTheirDefaults() {
    assertThat(usher.settings().value("reminders.days")).isEqualTo("7,3,1");
    assertThat(usher.settings().value("checkout.port")).isEqualTo("8765");
    assertThat(usher.settings().flag("import.permanent")).isFalse();
  }

  @Test
  void valuesAreCheckedAndNormalisedBeforeTheyAreStored() {
    usher.settings().set("reminders.days", "14, 7,1");
    assertThat(usher.settings().value("reminders.days")).isEqualTo("14,7,1");
    assertThatThrownBy(() -> usher.settings().set("checkout.port", "http"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("checkout.port takes a whole number from 1 to 65535, not 'http'.");
    assertThat(usher.settings().value("checkout.port")).isEqualTo("8765");
  }

  @Test
  void aFormsValuesAreStoredTogetherOrNotAtAllWithEachRefusalNamedByItsKey() {
    java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("checkout.public-url", "https://tv.example.com/");
    form.put("checkout.port", "99999");
    form.put("trial.max-users", "-1");

    assertThatThrownBy(() -> usher.settings().setAll(form))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(io.usher.domain.common.FieldError::field)
                    .containsExactly("checkout.port", "trial.max-users"));
    assertThat(usher.settings().value("checkout.public-url")).isEmpty();

    form.put("checkout.port", "8800");
    form.put("trial.max-users", "5");
    assertThat(usher.settings().setAll(form))
        .extracting(SettingView::value)
        .containsExactly("https://tv.example.com", "8800", "5");
    assertThat(usher.settings().checkoutPort()).isEqualTo(8800);
  }

  @Test
  void theAccentColourIsAHexColourOrNothing() {
    assertThatThrownBy(() -> usher.settings().set("brand.accent", "blue"))
        .hasMessage("brand.accent is a colour written #rrggbb, like #2f6fed, not 'blue'.");
    assertThatThrownBy(() -> usher.settings().set("brand.accent", "#e5a00d;}body{x"))
        .isInstanceOf(ValidationException.class);
    assertThat(usher.settings().set("brand.accent", " #E5A00D ").value()).isEqualTo("#e5a00d");
    assertThat(usher.settings().set("brand.accent", "").value()).isEmpty();
  }

  @Test
  void anUnknownKeyIsRefusedNamingTheKnownOnes() {
    assertThatThrownBy(() -> usher.settings().set("stripe.key", "x"))
        .hasMessageStartingWith("Unknown setting 'stripe.key'. Known settings: import.permanent,")
        .hasMessageContaining("stripe.secret-key");
  }

  @Test
  void secretsAreMaskedInEveryViewButUsableInside() {
    usher.settings().set("stripe.secret-key", "sk_test_abcdef9876");
    assertThat(usher.settings().view("stripe.secret-key").value()).isEqualTo("••••9876");
    assertThat(usher.settings().list())
        .filteredOn(SettingView::secret)
        .allSatisfy(v -> assertThat(v.value()).doesNotContain("sk_test"));
    assertThat(usher.settings().value("stripe.secret-key")).isEqualTo("sk_test_abcdef9876");
  }

  @Test
  void settingsSurviveReopeningTheDataFolder() {
    usher.settings().set("owner.email", "Owner@Example.com");
    usher.close();
    usher = new io.usher.app.AppContext(dataDir, clock);
    assertThat(usher.settings().value("owner.email")).isEqualTo("owner@example.com");
  }
}

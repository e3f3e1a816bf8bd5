package io.usher.domain.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {
  @ParameterizedTest
  @CsvSource({"Bob@Example.com, bob@example.com", "' a.b+tag@mail.co.uk ', a.b+tag@mail.co.uk"})
  void keepsAddressesTrimmedAndLowerCase(String in, String out) {
    assertThat(Emails.normalize(in)).isEqualTo(out);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bob",
        "bob@",
        "@example.com",
        "bob@example",
        "bob @example.com",
        "a@b@c.com",
        "bob@.com"
      })
  void refusesMalformedAddresses(String email) {
    assertThatThrownBy(() -> Emails.normalize(email))
        .isInstanceOf(ValidationException.class)
        .hasMessage("'" + email.strip() + "' is not a valid email address.");
  }

  @Test
  void aUserSpecReportsEveryBadField() {
    assertThatThrownBy(
            () -> new UserSpec("nope", null, false, false, "also-nope", "abc", null, null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(err -> err.field())
                    .containsExactly("email", "paypalEmail", "discordId"));
  }
}

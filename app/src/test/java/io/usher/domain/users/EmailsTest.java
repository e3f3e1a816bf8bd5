package io.usher.domain.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.ValidationException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
        "bob@.com",
        "<script>alert(1)</script>@example.com",
        "\"quoted\"@example.com",
        "bob@[127.0.0.1]",
        "bob..x@example.com",
        ".bob@example.com",
        "bob@-example.com",
        "bob@example.c0m",
        "bob@example..com",
        "bob@example.com."
      })
  void refusesMalformedAddresses(String email) {
    assertThatThrownBy(() -> Emails.normalize(email))
        .isInstanceOf(ValidationException.class)
        .hasMessage("'" + email.strip() + "' is not a valid email address.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uFEFFbob@example.com", "bob@exämple.com", "b\u200Bob@example.com"})
  void namesAnInvisibleOrForeignCharacterInsteadOfEchoingIt(String email) {
    assertThatThrownBy(() -> Emails.normalize(email))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("The email address has a character an address cannot have (U+");
  }

  @Test
  void takesTheLongestPartsTheStandardAllows() {
    String local = "a".repeat(64);
    String label = "b".repeat(63);
    assertThat(Emails.normalize(local + "@" + label + ".example.com"))
        .isEqualTo(local + "@" + label + ".example.com");
    assertThatThrownBy(() -> Emails.normalize(local + "a@example.com"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Emails.normalize("bob@" + label + "b.example.com"))
        .isInstanceOf(ValidationException.class);
  }

  /**
   * Jakarta Mail's strict parser is the maintained reference: whatever Usher keeps, it takes as one
   * plain address, so a mail server or payment provider never sees something Usher let through
   * unparsed.
   */
  @Property(tries = 3000)
  void everyAcceptedAddressIsOneStrictPlainAddress(@ForAll("addressLike") String typed)
      throws AddressException {
    String kept;
    try {
      kept = Emails.normalize(typed);
    } catch (ValidationException refused) {
      return;
    }
    InternetAddress parsed = new InternetAddress(kept, true);
    assertThat(parsed.getAddress()).isEqualTo(kept);
    assertThat(parsed.getPersonal()).isNull();
    assertThat(kept).matches("[\\x21-\\x7e]+").doesNotContain("<", ">", "\"", "(", ")", "[", "\\");
  }

  @Provide
  Arbitrary<String> addressLike() {
    Arbitrary<String> part =
        Arbitraries.strings()
            .withChars("abcXYZ09.-_+'!<>\"()[]\\@ \uFEFF\u00e9")
            .ofMinLength(0)
            .ofMaxLength(12);
    return Combinators.combine(part, part, part).as((a, b, c) -> a + "@" + b + "." + c);
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

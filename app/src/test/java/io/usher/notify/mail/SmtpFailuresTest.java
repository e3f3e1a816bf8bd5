package io.usher.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** Refusals a test server does not easily produce, as Jakarta Mail reports them. */
class SmtpFailuresTest {
  static final SmtpConfig CONFIG =
      new SmtpConfig("mail.example.com", 587, "starttls", "usher", "pa55-word", "u@example.com");

  @Test
  void aRefusedRecipientIsNamedWithTheServersReply() throws Exception {
    InternetAddress bob = new InternetAddress("bob@example.com");
    SendFailedException e =
        new SendFailedException(
            "Invalid Addresses",
            new SMTPAddressFailedException(bob, "RCPT TO", 550, "550 5.1.1 User unknown\n"),
            new Address[0],
            new Address[0],
            new Address[] {bob});

    assertThat(SmtpFailures.sentence(e, CONFIG, "bob@example.com").getMessage())
        .isEqualTo(
            "The SMTP server refused the recipient bob@example.com (550 5.1.1 User unknown).");
  }

  @Test
  void aServerThatWantsALoginSaysSo() {
    MessagingException e =
        new SMTPSendFailedException(
            "MAIL FROM", 530, "530 5.7.0 Authentication required", null, null, null, null);

    assertThat(SmtpFailures.sentence(e, CONFIG, "bob@example.com").getMessage())
        .isEqualTo("The SMTP server wants a login: set smtp.user and smtp.password.");
  }

  @Test
  void thePasswordNeverAppearsEvenWhenAServerEchoesIt() {
    MessagingException e = new MessagingException("554 rejected pa55-word");

    assertThat(SmtpFailures.sentence(e, CONFIG, "bob@example.com").getMessage())
        .doesNotContain("pa55-word")
        .isEqualTo(
            "The SMTP server at mail.example.com:587 did not take the mail (554 rejected ••••).");
  }

  @Test
  void theConfigNeverPrintsThePassword() {
    assertThat(CONFIG.toString()).doesNotContain("pa55-word");
  }
}

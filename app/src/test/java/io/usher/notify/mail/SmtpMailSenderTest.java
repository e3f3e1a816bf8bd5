package io.usher.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.usher.domain.notify.Mail;
import io.usher.domain.notify.MailException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP adapter against a real SMTP server (GreenMail) on a free port. */
class SmtpMailSenderTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("usher@example.com", "usher", "s3cret-pw"))
          .withPerMethodLifecycle(true);

  final Map<String, String> settings = new HashMap<>();
  final SmtpMailSender sender = new SmtpMailSender(settings::get, CLOCK);

  @BeforeEach
  void pointAtGreenMail() {
    settings.put("smtp.host", "127.0.0.1");
    settings.put("smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
    settings.put("smtp.security", "none");
    settings.put("smtp.user", "usher");
    settings.put("smtp.password", "s3cret-pw");
    settings.put("smtp.from", "usher@example.com");
  }

  @Test
  void sendsTextAndHtmlAlternativesInUtf8FromTheConfiguredAddress() throws Exception {
    sender.send(
        new Mail(
            "zoë@example.com",
            "Bienvenue, Zoë: ça marche ✓",
            "Hallo Zoë, grüße!",
            "<p>Hallo Zoë, grüße!</p>"));

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    assertThat(message.getSubject()).isEqualTo("Bienvenue, Zoë: ça marche ✓");
    assertThat(((InternetAddress) message.getFrom()[0]).getAddress())
        .isEqualTo("usher@example.com");
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo("zoë@example.com");
    assertThat(message.getSentDate().toInstant()).isEqualTo(CLOCK.instant());
    assertThat(message.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType())
        .contains("text/plain")
        .containsIgnoringCase("charset=UTF-8");
    assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Hallo Zoë, grüße!");
    assertThat(parts.getBodyPart(1).getContentType())
        .contains("text/html")
        .containsIgnoringCase("charset=UTF-8");
    assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>Hallo Zoë, grüße!</p>");
  }

  @Test
  void changedSettingsApplyToTheNextSend() {
    settings.put("smtp.from", "Tower Media <usher@example.com>");

    sender.send(new Mail("bob@example.com", "s", "t", "<p>t</p>"));

    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aWrongPasswordIsOneSentenceThatNamesTheSettingsButNotThePassword() {
    settings.put("smtp.password", "wrong-horse-battery");

    assertThatThrownBy(() -> sender.send(new Mail("bob@example.com", "s", "t", "<p>t</p>")))
        .isInstanceOf(MailException.class)
        .hasMessage("The SMTP server refused the login: check smtp.user and smtp.password.")
        .hasMessageNotContaining("wrong-horse-battery");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void nothingListeningIsOneSentenceNamingHostAndPort() throws IOException {
    int unused;
    try (ServerSocket socket = new ServerSocket(0)) {
      unused = socket.getLocalPort();
    }
    settings.put("smtp.port", Integer.toString(unused));

    assertThatThrownBy(() -> sender.send(new Mail("bob@example.com", "s", "t", "<p>t</p>")))
        .isInstanceOf(MailException.class)
        .hasMessage("Nothing answers at 127.0.0.1:" + unused + ": check smtp.host and smtp.port.");
  }

  @Test
  void anUnknownHostIsNamed() {
    settings.put("smtp.host", "no-such-host.invalid");

    assertThatThrownBy(() -> sender.send(new Mail("bob@example.com", "s", "t", "<p>t</p>")))
        .hasMessage("Usher cannot find the SMTP server no-such-host.invalid: check smtp.host.");
  }

  @Test
  void starttlsRequiredOnAServerWithoutItSaysWhatToChange() {
    settings.put("smtp.security", "starttls");

    assertThatThrownBy(() -> sender.send(new Mail("bob@example.com", "s", "t", "<p>t</p>")))
        .isInstanceOf(MailException.class)
        .hasMessageContaining("does not offer STARTTLS: set smtp.security to ssl");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void withoutAHostTheOwnerIsToldToSetIt() {
    settings.put("smtp.host", "");

    assertThatThrownBy(() -> sender.send(new Mail("bob@example.com", "s", "t", "<p>t</p>")))
        .isInstanceOf(MailException.class)
        .hasMessage("Set smtp.host (and smtp.from) in Settings before Usher can send mail.");
  }

  @Test
  void aMalformedRecipientIsRefusedBeforeConnecting() {
    assertThatThrownBy(() -> sender.send(new Mail("not an address", "s", "t", "<p>t</p>")))
        .isInstanceOf(MailException.class)
        .hasMessage("'not an address' is not an email address Usher can send to.");
  }
}

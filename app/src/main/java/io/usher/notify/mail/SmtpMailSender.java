package io.usher.notify.mail;

import io.usher.domain.notify.Mail;
import io.usher.domain.notify.MailException;
import io.usher.domain.notify.MailSender;
import io.usher.domain.settings.Settings;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail over SMTP with Jakarta Mail. The {@code smtp.*} settings are read on every send, so a
 * change in Settings applies to the next mail. Each failure becomes one sentence ({@link
 * SmtpFailures}); the password never appears in a message or the log.
 */
public final class SmtpMailSender implements MailSender {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpMailSender.class);
  static final int TIMEOUT_MILLIS = 15_000;
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final Settings settings;
  private final Clock clock;

  /**
   * @param settings the smtp.* settings, read on every send
   * @param clock stamps each message's Date header
   */
  public SmtpMailSender(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void send(Mail mail) {
    SmtpConfig config = SmtpConfig.read(settings);
    try {
      deliver(config, mail);
      LOG.info(
          "Mail \"{}\" sent to {} via {}:{}",
          mail.subject(),
          mail.to(),
          config.host(),
          config.port());
    } catch (MessagingException e) {
      MailException failure = SmtpFailures.sentence(e, config, mail.to());
      LOG.warn("Mail \"{}\" to {} not sent: {}", mail.subject(), mail.to(), failure.getMessage());
      throw failure;
    }
  }

  private void deliver(SmtpConfig config, Mail mail) throws MessagingException {
    Session session = Session.getInstance(config.properties(TIMEOUT_MILLIS));
    MimeMessage message = new MimeMessage(session);
    message.setFrom(address(config.from(), "smtp.from"));
    message.setRecipient(Message.RecipientType.TO, address(mail.to(), "the recipient"));
    message.setSubject(mail.subject(), UTF_8);
    message.setSentDate(Date.from(clock.instant()));
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text(), UTF_8, "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), UTF_8, "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    message.saveChanges();
    try (Transport transport = session.getTransport(config.protocol())) {
      transport.connect(
          config.host(),
          config.port(),
          config.user().isEmpty() ? null : config.user(),
          config.user().isEmpty() ? null : config.password());
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  private static InternetAddress address(String value, String what) {
    try {
      InternetAddress address = new InternetAddress(value, true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new MailException(
          "smtp.from".equals(what)
              ? "smtp.from '" + value + "' is not an email address: correct it in Settings."
              : "'" + value + "' is not an email address Usher can send to.",
          e);
    }
  }
}

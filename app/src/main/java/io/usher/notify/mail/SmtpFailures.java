package io.usher.notify.mail;

import io.usher.domain.notify.MailException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/** What went wrong with an SMTP send, as the one sentence that tells the owner what to fix. */
final class SmtpFailures {
  private SmtpFailures() {}

  static MailException sentence(MessagingException e, SmtpConfig config, String to) {
    return new MailException(scrub(describe(e, config, to), config.password()), e);
  }

  private static String describe(MessagingException e, SmtpConfig config, String to) {
    String at = config.host() + ":" + config.port();
    if (e instanceof AuthenticationFailedException) {
      return "The SMTP server refused the login: check smtp.user and smtp.password.";
    }
    if (has(e, UnknownHostException.class)) {
      return "Usher cannot find the SMTP server " + config.host() + ": check smtp.host.";
    }
    if (has(e, ConnectException.class) || has(e, NoRouteToHostException.class)) {
      return "Nothing answers at " + at + ": check smtp.host and smtp.port.";
    }
    if (has(e, SocketTimeoutException.class)) {
      return "The SMTP server at "
          + at
          + " did not answer within "
          + SmtpMailSender.TIMEOUT_MILLIS / 1000
          + " seconds: check smtp.host, smtp.port and smtp.security.";
    }
    if (text(e).contains("starttls")) {
      return "The SMTP server at "
          + at
          + " does not offer STARTTLS: set smtp.security to ssl (usually port 465) or none.";
    }
    if (has(e, CertificateException.class)) {
      return "The SMTP server at "
          + at
          + " has a certificate Usher does not trust or that does not name "
          + config.host()
          + ": check smtp.host.";
    }
    if (has(e, SSLException.class)) {
      return "The secure connection to "
          + at
          + " failed: smtp.security ssl needs a port that speaks TLS at once (usually 465),"
          + " starttls a port that upgrades (usually 587).";
    }
    SMTPAddressFailedException recipient = find(e, SMTPAddressFailedException.class);
    if (recipient != null
        || (e instanceof SendFailedException failed
            && failed.getInvalidAddresses() != null
            && failed.getInvalidAddresses().length > 0)) {
      return "The SMTP server refused the recipient "
          + to
          + (recipient == null ? "" : " (" + reply(recipient.getMessage()) + ")")
          + ".";
    }
    SMTPSenderFailedException sender = find(e, SMTPSenderFailedException.class);
    if (sender != null) {
      return "The SMTP server refused the sender address ("
          + reply(sender.getMessage())
          + "): check smtp.from, many servers accept only their own account's address.";
    }
    SMTPSendFailedException refused = find(e, SMTPSendFailedException.class);
    if (refused != null && refused.getReturnCode() == 530) {
      return "The SMTP server wants a login: set smtp.user and smtp.password.";
    }
    return "The SMTP server at " + at + " did not take the mail (" + reply(e.getMessage()) + ").";
  }

  private static boolean has(Throwable e, Class<? extends Throwable> kind) {
    return find(e, kind) != null;
  }

  /** Looks through causes and Jakarta Mail's chained "next" exceptions. */
  private static <T extends Throwable> T find(Throwable e, Class<T> kind) {
    for (int depth = 0; e != null && depth < 10; depth++) {
      if (kind.isInstance(e)) {
        return kind.cast(e);
      }
      Throwable next = e.getCause();
      if (next == null && e instanceof MessagingException m) {
        next = m.getNextException();
      }
      e = next;
    }
    return null;
  }

  private static String text(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (int depth = 0; e != null && depth < 10; depth++) {
      all.append(' ').append(e.getMessage());
      e = e.getCause();
    }
    return all.toString().toLowerCase(Locale.ROOT);
  }

  private static String reply(String message) {
    if (message == null || message.isBlank()) {
      return "no reason given";
    }
    String line = message.strip().replaceAll("\\s+", " ");
    if (line.endsWith(".")) {
      line = line.substring(0, line.length() - 1);
    }
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private static String scrub(String sentence, String password) {
    return password == null || password.length() < 3
        ? sentence
        : sentence.replace(password, "••••");
  }
}

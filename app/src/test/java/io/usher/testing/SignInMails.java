package io.usher.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.usher.app.AppContext;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sign-in mails as a customer receives them: the token exists only there, so tests read it from
 * a real SMTP server (GreenMail) after the outbox has done the requests.
 */
public final class SignInMails {
  private static final Pattern LINK =
      Pattern.compile("https?://\\S+/account\\?token=([A-Za-z0-9_-]{43})");

  /** One received sign-in mail: its recipient, its plain text and the link in it. */
  public record Mail(String to, String text, String link) {
    public String token() {
      return link.substring(link.indexOf("token=") + 6);
    }
  }

  private SignInMails() {}

  /** Points Usher's mail at the test's GreenMail. */
  public static void deliverTo(AppContext usher, GreenMailExtension smtp) {
    usher.settings().set("smtp.host", "127.0.0.1");
    usher.settings().set("smtp.port", Integer.toString(smtp.getSmtp().getPort()));
    usher.settings().set("smtp.security", "none");
    usher.settings().set("smtp.from", "usher@example.com");
  }

  /** Does what waits in the outbox, then lists every sign-in mail received so far, oldest first. */
  public static List<Mail> sent(AppContext usher, GreenMailExtension smtp) {
    usher.outbox().runDue();
    return Arrays.stream(smtp.getReceivedMessages())
        .map(SignInMails::read)
        .filter(m -> m.link() != null)
        .toList();
  }

  private static Mail read(MimeMessage message) {
    try {
      String text = ((MimeMultipart) message.getContent()).getBodyPart(0).getContent().toString();
      Matcher link = LINK.matcher(text);
      return new Mail(
          message.getAllRecipients()[0].toString(), text, link.find() ? link.group() : null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

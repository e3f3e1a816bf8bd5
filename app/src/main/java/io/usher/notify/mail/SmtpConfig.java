package io.usher.notify.mail;

import io.usher.domain.notify.MailException;
import io.usher.domain.settings.Settings;
import java.util.Properties;

/** The {@code smtp.*} settings of one send, checked for what must be there. */
record SmtpConfig(
    String host, int port, String security, String user, String password, String from) {

  static SmtpConfig read(Settings settings) {
    String host = settings.smtpHost();
    if (host.isEmpty()) {
      throw new MailException(
          "Set smtp.host (and smtp.from) in Settings before Usher can send mail.");
    }
    String from = settings.smtpFrom();
    if (from.isEmpty()) {
      throw new MailException("Set smtp.from in Settings: the address Usher's mail comes from.");
    }
    String security = settings.smtpSecurity();
    int port = settings.smtpPort().orElse(defaultPort(security));
    return new SmtpConfig(host, port, security, settings.smtpUser(), settings.smtpPassword(), from);
  }

  boolean ssl() {
    return "ssl".equals(security);
  }

  boolean startTls() {
    return "starttls".equals(security);
  }

  String protocol() {
    return ssl() ? "smtps" : "smtp";
  }

  Properties properties(int timeoutMillis) {
    String p = "mail." + protocol() + ".";
    Properties props = new Properties();
    props.put("mail.transport.protocol", protocol());
    props.put(p + "host", host);
    props.put(p + "port", Integer.toString(port));
    props.put(p + "connectiontimeout", Integer.toString(timeoutMillis));
    props.put(p + "timeout", Integer.toString(timeoutMillis));
    props.put(p + "writetimeout", Integer.toString(timeoutMillis));
    props.put(p + "auth", Boolean.toString(!user.isEmpty()));
    if (startTls()) {
      props.put(p + "starttls.enable", "true");
      props.put(p + "starttls.required", "true");
    }
    if (ssl() || startTls()) {
      props.put(p + "ssl.checkserveridentity", "true");
    }
    return props;
  }

  /** Never shows the password, whatever else it is asked to print. */
  @Override
  public String toString() {
    return "SmtpConfig[" + host + ":" + port + ", " + security + ", user=" + user + "]";
  }

  private static int defaultPort(String security) {
    return switch (security) {
      case "ssl" -> 465;
      case "none" -> 25;
      default -> 587;
    };
  }
}

package io.usher.domain.notify;

import java.util.Objects;

/** The subject and body of one event's mail, with {@code {placeholders}} still in them. */
public record MailTemplate(MailEvent event, String subject, String body) {
  public MailTemplate {
    Objects.requireNonNull(event, "event");
    subject = subject == null ? "" : subject;
    body = body == null ? "" : body;
  }
}

package io.usher.domain.notify;

/** Delivers a rendered mail now (SMTP in the app, a fake in tests). */
public interface MailSender {
  /**
   * @throws MailException with one sentence the owner can act on when the mail was not accepted
   */
  void send(Mail mail);
}

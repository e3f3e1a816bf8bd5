package io.usher.domain.notify;

/**
 * One rendered email, ready to send: a plain-text part and the same words as HTML.
 *
 * @param to the recipient's address
 */
public record Mail(String to, String subject, String text, String html) {
  public Mail withTo(String address) {
    return new Mail(address, subject, text, html);
  }
}

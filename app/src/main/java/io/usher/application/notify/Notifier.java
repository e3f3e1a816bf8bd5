package io.usher.application.notify;

import io.usher.domain.notify.MailEvent;
import java.util.Map;

/**
 * Tells a customer about an event through every channel they have: a mail, and a Discord DM when
 * their Discord id is known. Queued in the caller's transaction, sent by the outbox worker.
 */
@FunctionalInterface
public interface Notifier {
  void queue(MailEvent event, String email, Map<String, String> values);
}

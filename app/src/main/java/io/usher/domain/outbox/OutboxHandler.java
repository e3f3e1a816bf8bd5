package io.usher.domain.outbox;

/**
 * Does one kind of outbox work. Throwing means "not done yet": the item is retried later with the
 * exception's message shown to the owner as the reason.
 */
public interface OutboxHandler {
  String kind();

  void handle(String payload);
}

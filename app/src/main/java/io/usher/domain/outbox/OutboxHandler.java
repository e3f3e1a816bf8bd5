package io.usher.domain.outbox;

import java.util.function.Consumer;

/**
 * Does one kind of outbox work. Throwing means "not done yet": the item is retried later with the
 * exception's message shown to the owner as the reason.
 */
public interface OutboxHandler {
  String kind();

  void handle(String payload);

  /** The handler of {@code kind} that does {@code work} with each item's payload. */
  static OutboxHandler of(String kind, Consumer<String> work) {
    return new OutboxHandler() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public void handle(String payload) {
        work.accept(payload);
      }
    };
  }
}

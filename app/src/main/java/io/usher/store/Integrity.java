package io.usher.store;

import io.usher.domain.common.ConflictException;
import java.util.function.Supplier;
import org.jooq.exception.IntegrityConstraintViolationException;

/** Turns the database's unique-key refusals into the sentence the owner sees. */
final class Integrity {
  private Integrity() {}

  static <T> T guard(String conflictMessage, Supplier<T> write) {
    try {
      return write.get();
    } catch (IntegrityConstraintViolationException e) {
      throw new ConflictException(conflictMessage);
    }
  }
}

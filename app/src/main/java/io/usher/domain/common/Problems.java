package io.usher.domain.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects field problems while parsing a form, then throws them all at once. */
public final class Problems {
  private final List<FieldError> errors = new ArrayList<>();

  public void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public boolean has(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  /** The value {@code parse} returns, or null with its problems collected here. */
  public <T> T attempt(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ValidationException e) {
      errors.addAll(e.errors());
      return null;
    }
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}

package io.usher.domain.common;

import java.util.List;

/**
 * Input that breaks a rule. Carries every problem found so a dialog can show each one beside its
 * field; {@link #getMessage()} is the first problem's sentence for one-line fronts.
 */
public final class ValidationException extends UsherException {
  private final List<FieldError> errors;

  public ValidationException(List<FieldError> errors) {
    super(errors.isEmpty() ? "Invalid input." : errors.getFirst().message());
    this.errors = List.copyOf(errors);
  }

  public static ValidationException of(String field, String message) {
    return new ValidationException(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}

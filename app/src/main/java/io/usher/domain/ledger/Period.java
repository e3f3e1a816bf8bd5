package io.usher.domain.ledger;

import io.usher.domain.common.Inputs;
import io.usher.domain.common.Problems;
import io.usher.domain.common.ValidationException;
import java.time.Instant;
import java.util.Objects;

/** A half-open span of time, [start, end): access begins at start and is gone at end. */
public record Period(Instant start, Instant end) {

  public Period {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw ValidationException.of("end", "The end must be after the start.");
    }
  }

  /**
   * A period someone entered, or a provider or a plan's length produced: both ends within the years
   * Usher accepts ({@link Inputs#instant}), so that nothing written can break a later read.
   */
  public static Period checked(Instant start, Instant end) {
    Problems problems = new Problems();
    problems.attempt(() -> Inputs.instant("start", "start", start));
    problems.attempt(() -> Inputs.instant("end", "end", end));
    problems.throwIfAny();
    return new Period(start, end);
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}

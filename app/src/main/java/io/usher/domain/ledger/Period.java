package io.usher.domain.ledger;

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

  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}

package io.usher.application.jobs;

import java.util.List;

/**
 * What a run did: one summary sentence ("2 users lost access"), and a line per thing done or, in a
 * dry run, that would be done ("alice@example.com would lose Tower").
 */
public record JobResult(String summary, List<String> details) {
  public JobResult {
    details = List.copyOf(details);
  }

  public static JobResult of(String summary) {
    return new JobResult(summary, List.of());
  }
}

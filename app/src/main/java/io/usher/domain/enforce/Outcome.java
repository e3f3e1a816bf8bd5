package io.usher.domain.enforce;

import java.util.Arrays;

/** What came of trying to stop a stream. Stored by {@link #code()}. */
public enum Outcome {
  /** The server stopped it. */
  STOPPED("stopped"),
  /** The server cannot stop streams (Plex without Plex Pass): the user was told instead. */
  NOT_STOPPABLE("not-stoppable"),
  /** The server failed (unreachable, refused); the next run tries again. */
  FAILED("failed");

  private final String code;

  Outcome(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Done with this session: it is not acted on again. */
  public boolean settled() {
    return this != FAILED;
  }

  public static Outcome fromCode(String code) {
    return Arrays.stream(values())
        .filter(o -> o.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no outcome " + code));
  }
}

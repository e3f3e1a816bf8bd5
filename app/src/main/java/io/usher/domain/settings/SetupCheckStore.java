package io.usher.domain.settings;

import java.time.Instant;

/**
 * Which settings the owner last tested and found working. The store keeps a keyed digest of the
 * values tested, never the values (secrets among them), so any later change of them makes the test
 * stale.
 */
public interface SetupCheckStore {
  /** The test named {@code check} passed with these values. */
  void passed(String check, String values, Instant at);

  /** Whether {@code check} passed with exactly these values last time it passed. */
  boolean passedWith(String check, String values);
}

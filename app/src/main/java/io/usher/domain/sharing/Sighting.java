package io.usher.domain.sharing;

import java.time.Instant;

/**
 * A stream seen by the enforcement pass, once per session: who watched, from which device and
 * address, and between when it was first and last seen playing.
 *
 * @param address the client's address as the server reported it; null when it did not
 */
public record Sighting(
    long userId,
    long serverId,
    String sessionId,
    String device,
    String address,
    Instant firstSeen,
    Instant lastSeen) {
  /** What the ledger keeps of each text: longer session ids are not kept, longer names cut. */
  public static final int MAX_SESSION = 200;

  public static final int MAX_DEVICE = 200;
  public static final int MAX_ADDRESS = 64;

  /** Whether the two were playing at the same time. */
  public boolean overlaps(Sighting other) {
    return !firstSeen.isAfter(other.lastSeen) && !other.firstSeen.isAfter(lastSeen);
  }
}

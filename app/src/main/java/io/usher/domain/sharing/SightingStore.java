package io.usher.domain.sharing;

import java.time.Instant;
import java.util.List;

/** The streams seen lately, one row per server and session. */
public interface SightingStore {
  /** Records these as seen: a session seen before keeps its first sighting and moves its last. */
  void seen(List<Sighting> sightings);

  /** Every sighting last seen at or after {@code since}. */
  List<Sighting> since(Instant since);

  /** Forgets sightings last seen before {@code before}; returns how many. */
  int forgetBefore(Instant before);
}

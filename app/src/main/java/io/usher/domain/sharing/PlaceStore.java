package io.usher.domain.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the streams' addresses are, as looked up; one row per address. */
public interface PlaceStore {
  /**
   * Addresses of streams last seen at or after {@code since} not looked up since then, at most
   * {@code limit}.
   */
  List<String> unlooked(Instant since, int limit);

  /** Records each lookup's answer (empty: the lookup placed it nowhere), replacing older ones. */
  void looked(Map<String, Optional<Place>> answers, Instant at);

  /** Every address placed. */
  Map<String, Place> places();

  /** Forgets lookups made before {@code before}, so they are made again; returns how many. */
  int forgetBefore(Instant before);
}

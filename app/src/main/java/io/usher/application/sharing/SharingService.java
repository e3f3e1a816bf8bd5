package io.usher.application.sharing;

import io.usher.domain.common.ValidationException;
import io.usher.domain.enforce.Viewer;
import io.usher.domain.enforce.ViewerLookup;
import io.usher.domain.sharing.SharingRule;
import io.usher.domain.sharing.Sighting;
import io.usher.domain.sharing.SightingStore;
import io.usher.domain.sharing.Suspect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who seems to share their account, from the streams the enforcement pass saw ({@link
 * SharingRule}), with each user's email and plan. It only reports: warning, stopping or ignoring is
 * the owner's call.
 */
public final class SharingService {
  /** The most days looked back: what the enforcement pass keeps, less its day of margin. */
  public static final int MAX_DAYS = 30;

  private final SightingStore sightings;
  private final ViewerLookup viewers;
  private final Supplier<Set<String>> ownAddresses;
  private final Clock clock;

  /**
   * @param ownAddresses the owner's own addresses ({@code sharing.own-addresses}), read each time
   */
  public SharingService(
      SightingStore sightings,
      ViewerLookup viewers,
      Supplier<Set<String>> ownAddresses,
      Clock clock) {
    this.sightings = sightings;
    this.viewers = viewers;
    this.ownAddresses = ownAddresses;
    this.clock = clock;
  }

  /** A suspect with who they are: a user deleted since has no email or plan. */
  public record Row(Suspect suspect, String email, String plan, int streams) {}

  /** What was looked at, and who stands out, strongest evidence first. */
  public record Report(Instant since, int streamsSeen, List<Row> rows) {}

  public Report suspects(int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw ValidationException.of(
          "days", "Look back between 1 and " + MAX_DAYS + " days (" + days + " given).");
    }
    Instant since = clock.instant().minus(Duration.ofDays(days));
    List<Sighting> seen = sightings.since(since);
    Set<Long> users = new HashSet<>();
    seen.forEach(s -> users.add(s.userId()));
    Map<Long, Viewer> known = viewers.viewers(users);
    Map<Long, Integer> streams = new HashMap<>();
    known.forEach((id, v) -> streams.put(id, v.maxStreams()));
    List<Row> rows =
        SharingRule.rank(seen, streams, ownAddresses.get()).stream()
            .map(
                s -> {
                  Viewer v = known.get(s.userId());
                  return new Row(
                      s,
                      v == null ? null : v.email(),
                      v == null ? null : v.plan(),
                      streams.getOrDefault(s.userId(), 1));
                })
            .toList();
    return new Report(since, seen.size(), rows);
  }
}

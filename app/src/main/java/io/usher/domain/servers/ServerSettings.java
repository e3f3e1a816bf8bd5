package io.usher.domain.servers;

/**
 * How Usher may use a server: where it is, whether it takes new users and trials, how many users it
 * holds.
 *
 * @param location a server location's name; null when none
 * @param capacity most users at once; null means no limit (Plex is capped at 100 shares)
 */
public record ServerSettings(
    String location,
    boolean enabled,
    boolean acceptsNewUsers,
    boolean acceptsTrials,
    boolean trialOnly,
    Integer capacity,
    boolean transcode4k) {

  public static final int PLEX_CAPACITY = 100;

  public ServerSettings {
    location = location == null || location.isBlank() ? null : location.strip();
    if (capacity != null && capacity < 0) {
      throw io.usher.domain.common.ValidationException.of(
          "capacity", "The capacity cannot be negative: leave it empty for no limit.");
    }
  }

  /** What a newly linked server starts with: Plex is capped at 100, the others unlimited. */
  public static ServerSettings defaults(io.usher.domain.media.ServerKind kind) {
    return new ServerSettings(
        null,
        true,
        true,
        true,
        false,
        kind == io.usher.domain.media.ServerKind.PLEX ? PLEX_CAPACITY : null,
        true);
  }
}

package io.usher.domain.enforce;

/**
 * The Usher user behind a stream, with what their plan allows.
 *
 * @param label how messages name the user (name, else email)
 * @param email where the notification goes; null for a Jellyfin/Emby account without one
 * @param plan the plan of the user's latest payment; null when the user never paid
 * @param maxStreams the plan's stream cap; ignored without a plan
 * @param transcode whether the plan allows video transcoding; ignored without a plan
 */
public record Viewer(
    long userId,
    String label,
    String email,
    boolean permanent,
    String plan,
    int maxStreams,
    boolean transcode) {

  /** Limits apply only to standard users whose latest payment names a plan. */
  public boolean limited() {
    return !permanent && plan != null;
  }
}

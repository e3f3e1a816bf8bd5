package io.usher.domain.media;

/**
 * One playing (or paused) item on a server. Idle sessions are not streams.
 *
 * @param sessionId what stopping the stream takes (Plex Session@id, not sessionKey)
 * @param videoDecision directplay, copy or transcode
 * @param resolution e.g. 1080, 4k; null when unknown
 */
public record ActiveStream(
    String sessionId,
    String accountId,
    String username,
    String device,
    String ip,
    String videoDecision,
    String resolution,
    String title,
    boolean paused) {

  public boolean transcodesVideo() {
    return "transcode".equalsIgnoreCase(videoDecision);
  }
}

package io.usher.domain.enforce;

import io.usher.domain.media.ActiveStream;
import java.util.Objects;

/**
 * One stream with what enforcement needs to judge it.
 *
 * @param viewer the Usher user it maps to; null for an unknown account or the owner (ignored)
 * @param transcode4k whether the server may transcode 4K ({@code ServerSettings.transcode4k})
 * @param handled enforcement already stopped (or tried to stop and notified about) this session in
 *     an earlier run: it is never acted on again
 */
public record StreamFacts(
    long serverId,
    String serverName,
    boolean transcode4k,
    ActiveStream stream,
    Viewer viewer,
    boolean handled) {

  public StreamFacts {
    Objects.requireNonNull(stream, "stream");
  }

  public String sessionId() {
    return stream.sessionId();
  }

  /** Transcoding a 4K source (resolution "4k", or 2160 as some servers say). */
  public boolean transcodes4k() {
    String r = stream.resolution();
    return stream.transcodesVideo()
        && r != null
        && (r.strip().equalsIgnoreCase("4k") || r.strip().startsWith("2160"));
  }
}

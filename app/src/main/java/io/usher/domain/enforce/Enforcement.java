package io.usher.domain.enforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which streams to stop, as a pure function of what is playing.
 *
 * <p>The rules, in order:
 *
 * <ol>
 *   <li>Streams of unknown accounts or the owner ({@code viewer == null}), of permanent users, and
 *       of users who never paid (no plan to measure against) are left alone.
 *   <li>Per stream: video transcoding on a plan without transcoding is stopped; otherwise 4K
 *       transcoding on a server with {@code transcode4k} off is stopped.
 *   <li>Per user, across all servers: the streams left after rule 2 are counted. A paused stream
 *       counts (it holds a transcode slot and resumes at will; idle sessions never reach here).
 *       Above the plan's {@code maxStreams}, the excess is stopped, or every one of them with
 *       {@code stopAll}. Neither Plex nor Jellyfin/Emby says when a stream started, so "the excess"
 *       is the streams after the first {@code maxStreams} in the order given (the job reads servers
 *       in the order Usher lists them, by name, each in the order it lists its sessions).
 *   <li>A session handled in an earlier run is never acted on again; when choosing the excess it is
 *       counted last, so a stream that could not be stopped (Plex without Plex Pass) stays the
 *       excess instead of another stream of the same user being picked on the next run.
 * </ol>
 */
public final class Enforcement {
  private Enforcement() {}

  public static List<Action> decide(List<StreamFacts> streams, boolean stopAll) {
    List<Action> actions = new ArrayList<>();
    Map<Long, List<StreamFacts>> counted = new LinkedHashMap<>();
    for (StreamFacts s : streams) {
      Viewer v = s.viewer();
      if (v == null || !v.limited()) {
        continue;
      }
      Action perStream = perStream(s, v);
      if (perStream != null) {
        if (!s.handled()) {
          actions.add(perStream);
        }
        continue;
      }
      counted.computeIfAbsent(v.userId(), id -> new ArrayList<>()).add(s);
    }
    for (List<StreamFacts> mine : counted.values()) {
      Viewer v = mine.getFirst().viewer();
      int allowed = v.maxStreams();
      if (mine.size() <= allowed) {
        continue;
      }
      List<StreamFacts> ordered = new ArrayList<>();
      mine.stream().filter(s -> !s.handled()).forEach(ordered::add);
      mine.stream().filter(StreamFacts::handled).forEach(ordered::add);
      List<StreamFacts> stopped = stopAll ? ordered : ordered.subList(allowed, ordered.size());
      String why =
          mine.size()
              + " streams at once; the "
              + v.plan()
              + " plan allows "
              + allowed
              + (stopAll ? " (stop-all: every stream stopped)" : "");
      String message =
          "Your "
              + v.plan()
              + " plan allows "
              + streams(allowed)
              + " at once, so this stream was stopped.";
      for (StreamFacts s : stopped) {
        if (!s.handled()) {
          actions.add(new Action(s, Reason.TOO_MANY_STREAMS, why, message));
        }
      }
    }
    return actions;
  }

  private static Action perStream(StreamFacts s, Viewer v) {
    if (s.stream().transcodesVideo() && !v.transcode()) {
      return new Action(
          s,
          Reason.TRANSCODE_NOT_ALLOWED,
          "Video transcoding; the " + v.plan() + " plan does not include transcoding",
          "Your "
              + v.plan()
              + " plan does not include transcoding: play at original quality (direct play).");
    }
    if (s.transcodes4k() && !s.transcode4k()) {
      return new Action(
          s,
          Reason.TRANSCODE_4K_NOT_ALLOWED,
          "4K transcoding; " + s.serverName() + " does not transcode 4K",
          s.serverName()
              + " does not transcode 4K: play it at original quality or pick a lower resolution.");
    }
    return null;
  }

  private static String streams(int n) {
    return n == 1 ? "1 stream" : n + " streams";
  }
}

package io.usher.media.plex;

import static io.usher.media.plex.PlexApi.children;
import static io.usher.media.plex.PlexApi.text;

import io.usher.domain.media.ActiveStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Reads a Plex Media Server's {@code /status/sessions} (api-facts 2.3) into streams. */
final class PlexSessions {
  /** The items PMS reports as playing: video (movies, episodes), music and photos. */
  private static final List<String> ITEMS = List.of("Video", "Track", "Photo");

  private PlexSessions() {}

  static List<ActiveStream> streams(JsonNode container) {
    List<ActiveStream> streams = new ArrayList<>();
    for (String element : ITEMS) {
      for (JsonNode item : children(container, element)) {
        JsonNode player = item.path("Player");
        String state = lower(text(player, "state"));
        if ("stopped".equals(state)) {
          // A player that has just stopped lingers for a moment; it holds no stream.
          continue;
        }
        JsonNode user = item.path("User");
        String device = text(player, "title");
        String decision = text(item.path("TranscodeSession"), "videoDecision");
        streams.add(
            new ActiveStream(
                // Session@id is what terminate takes; sessionKey is not. Without it the stream
                // still counts towards the user's limit, it just cannot be stopped.
                text(item.path("Session"), "id"),
                text(user, "id"),
                text(user, "title"),
                device != null ? device : text(player, "product"),
                text(player, "address"),
                decision != null ? lower(decision) : "directplay",
                resolution(item),
                title(item),
                "paused".equals(state)));
      }
    }
    return streams;
  }

  private static String resolution(JsonNode item) {
    return children(item, "Media").stream()
        .map(media -> text(media, "videoResolution"))
        .filter(r -> r != null)
        .findFirst()
        .orElse(null);
  }

  /** "Show - Pilot" for an episode, "Artist - Song" for a track, else the item's title. */
  private static String title(JsonNode item) {
    String title = text(item, "title");
    String parent = text(item, "grandparentTitle");
    return parent == null ? title : title == null ? parent : parent + " - " + title;
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }
}

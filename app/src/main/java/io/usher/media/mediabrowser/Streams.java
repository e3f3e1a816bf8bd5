package io.usher.media.mediabrowser;

import static io.usher.media.mediabrowser.Json.flag;
import static io.usher.media.mediabrowser.Json.number;
import static io.usher.media.mediabrowser.Json.saysFalse;
import static io.usher.media.mediabrowser.Json.text;

import io.usher.domain.media.ActiveStream;
import tools.jackson.databind.JsonNode;

/** Reads one entry of GET /Sessions (same shape on Jellyfin and Emby) as a stream. */
final class Streams {
  private Streams() {}

  /** Null for an idle session: the list holds every connected client, playing or not. */
  static ActiveStream of(JsonNode session) {
    JsonNode item = session.path("NowPlayingItem");
    if (!item.isObject()) {
      return null;
    }
    JsonNode state = session.path("PlayState");
    JsonNode transcoding = session.path("TranscodingInfo");
    return new ActiveStream(
        text(session, "Id"),
        text(session, "UserId"),
        text(session, "UserName"),
        device(text(session, "DeviceName"), text(session, "Client")),
        text(session, "RemoteEndPoint"),
        decision(transcoding, text(state, "PlayMethod")),
        resolution(transcoding, item),
        text(item, "Name"),
        flag(state, "IsPaused"));
  }

  /** "Firefox (Jellyfin Web)", or whichever of the two the server gave. */
  static String device(String name, String client) {
    if (name == null) {
      return client;
    }
    return client == null || client.equals(name) ? name : name + " (" + client + ")";
  }

  /**
   * What happens to the video: TranscodingInfo says it best (IsVideoDirect false is a video
   * transcode, true a copy while only audio or the container changes); without it the play method
   * decides.
   */
  static String decision(JsonNode transcoding, String playMethod) {
    if (transcoding.isObject()) {
      if (saysFalse(transcoding, "IsVideoDirect")) {
        return "transcode";
      }
      if (flag(transcoding, "IsVideoDirect")) {
        return "copy";
      }
    }
    if ("Transcode".equalsIgnoreCase(playMethod)) {
      return "transcode";
    }
    if ("DirectStream".equalsIgnoreCase(playMethod)) {
      return "copy";
    }
    return "directplay";
  }

  /**
   * The picture the viewer gets: the transcode's output size, else the item's own size, else its
   * first video stream's. Null when nobody said.
   */
  static String resolution(JsonNode transcoding, JsonNode item) {
    if (number(transcoding, "Height") > 0 || number(transcoding, "Width") > 0) {
      return label(number(transcoding, "Width"), number(transcoding, "Height"));
    }
    if (number(item, "Height") > 0 || number(item, "Width") > 0) {
      return label(number(item, "Width"), number(item, "Height"));
    }
    for (JsonNode stream : item.path("MediaStreams")) {
      if ("Video".equals(text(stream, "Type"))) {
        int width = number(stream, "Width");
        int height = number(stream, "Height");
        return width > 0 || height > 0 ? label(width, height) : null;
      }
    }
    return null;
  }

  /** Named as people say it; a wide film (1920x800) is still 1080. */
  static String label(int width, int height) {
    if (height >= 2000 || width >= 3800) {
      return "4k";
    }
    if (height >= 1000 || width >= 1900) {
      return "1080";
    }
    if (height >= 700 || width >= 1260) {
      return "720";
    }
    return height > 0 ? String.valueOf(height) : "sd";
  }
}

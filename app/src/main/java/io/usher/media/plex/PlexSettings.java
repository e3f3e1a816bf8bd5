package io.usher.media.plex;

import tools.jackson.databind.node.ObjectNode;

/** The flags of a share; the rest of plex.tv's settings Usher leaves at "no filter". */
record PlexSettings(boolean allowSync, boolean allowCameraUpload, boolean allowChannels) {
  static final PlexSettings NONE = new PlexSettings(false, false, false);

  /** The full v2 {@code settings} object (api-facts 1.8): plex.tv wants every key. */
  void writeV2(ObjectNode settings) {
    settings.put("allowSync", allowSync);
    settings.put("allowChannels", allowChannels);
    settings.put("allowCameraUpload", allowCameraUpload);
    settings.put("allowSubtitleAdmin", false);
    settings.put("allowTuners", 0);
    settings.put("filterMovies", "");
    settings.put("filterMusic", "");
    settings.put("filterTelevision", "");
    settings.putNull("filterPhotos");
    settings.putNull("filterAll");
  }

  /** The v1 {@code sharing_settings} object (api-facts 1.8): flags as "1"/"0" strings. */
  void writeV1(ObjectNode settings) {
    settings.put("allowSync", allowSync ? "1" : "0");
    settings.put("allowCameraUpload", allowCameraUpload ? "1" : "0");
    settings.put("allowChannels", allowChannels ? "1" : "0");
    settings.put("filterMovies", "");
    settings.put("filterTelevision", "");
    settings.put("filterMusic", "");
  }
}

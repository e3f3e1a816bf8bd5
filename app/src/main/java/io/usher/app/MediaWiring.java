package io.usher.app;

import io.usher.application.Version;
import io.usher.domain.media.MediaServers;
import io.usher.domain.settings.SettingsStore;
import io.usher.http.Http;
import io.usher.http.Sleeper;
import io.usher.media.MediaAdapters;
import io.usher.media.plex.PlexIdentity;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/** Builds the media adapters: one OkHttp client for all of them, addresses from AppConfig. */
final class MediaWiring {
  /** Not a public setting: the identifier plex.tv knows this installation by. */
  static final String CLIENT_ID_KEY = "internal.client-id";

  private MediaWiring() {}

  static MediaServers real(SettingsStore settings) {
    AppConfig config = new AppConfig(System.getenv(), settings);
    return new MediaAdapters(
        http(),
        config::plexTvUrl,
        config::plexAppUrl,
        new PlexIdentity(clientId(settings), "Usher", Version.current()));
  }

  /**
   * The HTTP layer: an OkHttp client (and its connection pool) with Usher's timeouts, built on
   * first use so that commands which never call out do not load the trust store. The media adapters
   * share one; the Discord and PayPal clients have their own, by the same recipe.
   */
  static Http http() {
    return Http.onFirstUse(
        () ->
            new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60))
                .build(),
        () -> JsonMapper.builder().build(),
        () -> XmlMapper.builder().build(),
        Sleeper.REAL,
        new SecureRandom());
  }

  /** A stable id per data folder, made on first use: plex.tv ties devices to it. */
  static String clientId(SettingsStore settings) {
    return settings
        .get(CLIENT_ID_KEY)
        .orElseGet(
            () -> {
              String id = "usher-" + UUID.randomUUID();
              settings.put(CLIENT_ID_KEY, id);
              return id;
            });
  }
}

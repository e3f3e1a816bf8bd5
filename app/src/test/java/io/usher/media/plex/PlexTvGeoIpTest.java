package io.usher.media.plex;

import static io.usher.media.plex.PlexFakes.IDENTITY;
import static io.usher.media.plex.PlexFakes.TOKEN;
import static io.usher.media.plex.PlexFakes.assertPlexHeaders;
import static io.usher.media.plex.PlexFakes.reply;
import static io.usher.media.plex.PlexFakes.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.sharing.Place;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * plex.tv's GeoIP as python-plexapi reads it (MyPlexAccount.geoip, GeoLocation): one XML {@code
 * <location>} with "lat, lon" coordinates.
 */
class PlexTvGeoIpTest {
  final PlexFakes fakes = new PlexFakes();
  final MockWebServer plexTv = new MockWebServer();
  PlexTv tv;

  @BeforeEach
  void start() throws IOException {
    plexTv.start();
    tv = new PlexTv(fakes.http, plexTv.url("/").toString(), IDENTITY);
  }

  @AfterEach
  void stop() {
    plexTv.close();
  }

  static MockResponse xml(String body) {
    return new MockResponse.Builder()
        .code(200)
        .body(body)
        .addHeader("Content-Type", "application/xml")
        .build();
  }

  @Test
  void anAddressIsPlacedByItsCoordinatesCityAndCountryCode() throws Exception {
    plexTv.enqueue(
        xml(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <location code="DE" continent_code="EU" country="Germany" city="Berlin" \
            european_union_member="1" time_zone="Europe/Berlin" postal_code="10115" \
            in_privacy_restricted_country="0" subdivisions="Land Berlin" \
            coordinates="52.5196, 13.4069"/>"""));

    assertThat(tv.locate(TOKEN, null, "198.51.100.7"))
        .contains(new Place(52.5196, 13.4069, "Berlin", "DE"));
    RecordedRequest request = take(plexTv);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v2/geoip");
    assertThat(request.getUrl().queryParameter("ip_address")).isEqualTo("198.51.100.7");
    assertPlexHeaders(request);
  }

  @Test
  void anAnswerWithoutCoordinatesOrARefusedAddressPlacesNothing() {
    plexTv.enqueue(xml("<location code=\"\" country=\"\" city=\"\" coordinates=\"\"/>"));
    plexTv.enqueue(reply(400, "{\"errors\":[{\"code\":1000,\"message\":\"Invalid IP\"}]}"));

    assertThat(tv.locate(TOKEN, null, "198.51.100.7")).isEmpty();
    assertThat(tv.locate(TOKEN, null, "not-an-address")).isEmpty();
  }

  @Test
  void aRefusedTokenIsUnauthorized() {
    plexTv.enqueue(
        reply(
            401, "{\"errors\":[{\"code\":1001,\"message\":\"User could not be authenticated\"}]}"));

    assertThatThrownBy(() -> tv.locate(TOKEN, null, "198.51.100.7"))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
  }

  @Test
  void coordinatesOffTheEarthAreUnreadableRatherThanStored() {
    plexTv.enqueue(xml("<location city=\"Nowhere\" coordinates=\"123.0, 13.4\"/>"));
    plexTv.enqueue(xml("<location city=\"Nowhere\" coordinates=\"north\"/>"));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> tv.locate(TOKEN, null, "198.51.100.7"))
          .isInstanceOfSatisfying(
              MediaServerException.class,
              e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE));
    }
  }
}

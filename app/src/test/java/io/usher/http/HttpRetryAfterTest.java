package io.usher.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/** How long a 429 makes Usher wait: the header first, then a JSON retry_after, then backoff. */
class HttpRetryAfterTest {
  final Http http =
      new Http(
          new OkHttpClient.Builder().build(),
          JsonMapper.builder().build(),
          XmlMapper.builder().build(),
          d -> {},
          new Random(1));

  @Test
  void theRetryAfterHeaderInSecondsWinsAsBefore() {
    assertThat(http.waitFor("2", "{\"retry_after\":9.5}", 1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(http.waitFor("2", 1)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void withoutTheHeaderTheBodysFractionalRetryAfterIsHonoured() {
    assertThat(http.waitFor(null, "{\"message\":\"slow down\",\"retry_after\":0.337}", 1))
        .isEqualTo(Duration.ofMillis(337));
  }

  @Test
  void aRetryAfterAboveTheCapIsCapped() {
    assertThat(http.waitFor(null, "{\"retry_after\":3600}", 1)).isEqualTo(Http.MAX_WAIT);
  }

  @Test
  void aBodyThatIsNotJsonFallsBackToTheBackoff() {
    Duration wait = http.waitFor(null, "<html>Too many requests</html>", 1);
    Duration broken = http.waitFor(null, "{not json", 1);

    assertThat(wait).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
    assertThat(broken).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
  }
}

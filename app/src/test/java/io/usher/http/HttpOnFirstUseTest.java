package io.usher.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

class HttpOnFirstUseTest {
  @Test
  void theClientAndMappersAreBuiltOnlyWhenFirstUsedAndOnlyOnce() {
    AtomicInteger clients = new AtomicInteger();
    Http http =
        Http.onFirstUse(
            () -> {
              clients.incrementAndGet();
              return new OkHttpClient();
            },
            () -> JsonMapper.builder().build(),
            () -> XmlMapper.builder().build(),
            Sleeper.REAL,
            new Random(1));
    assertThat(http.withProxy(null)).isSameAs(http);
    assertThat(clients).hasValue(0);

    assertThat(http.json().readTree("{\"a\":1}").path("a").asInt()).isEqualTo(1);
    assertThat(http.xml()).isNotNull();
    http.withProxy("http://127.0.0.1:3128");

    assertThat(clients).hasValue(1);
  }
}

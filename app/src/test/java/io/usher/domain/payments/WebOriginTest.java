package io.usher.domain.payments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebOriginTest {
  @ParameterizedTest
  @CsvSource({
    "https://checkout.stripe.com/c/pay/cs_1, https://checkout.stripe.com",
    "HTTPS://Shop.Example.com/, https://shop.example.com",
    "https://shop.example.com:443/plans, https://shop.example.com",
    "http://127.0.0.1:8765, http://127.0.0.1:8765",
    "http://localhost:80/x?y=z, http://localhost",
  })
  void anAddressBecomesItsOrigin(String url, String origin) {
    assertThat(WebOrigin.of(url)).hasValue(origin);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ftp://example.com",
        "javascript:alert(1)",
        "https://",
        "https://evil.example;script-src*",
        "https://a b.example",
        "http://[::1]:8765",
        "/relative",
        "https://owner@shop.example.com/",
        "https://shop.example.com:99999/"
      })
  void anythingElseIsNoOrigin(String url) {
    assertThat(WebOrigin.of(url)).isEmpty();
  }
}

package io.usher.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class HttpFailureWordsTest {
  @Test
  void eachNetworkFailureIsSaidInWordsWithoutTheExceptionsName() {
    assertThat(Http.describe(new UnknownHostException("plex.local")))
        .isEqualTo("no computer has that name");
    assertThat(Http.describe(new NoRouteToHostException("No route to host")))
        .isEqualTo("the network has no way to it");
    assertThat(Http.describe(new ConnectException("Failed to connect to /10.0.0.2:32400")))
        .isEqualTo("nothing accepted the connection");
    assertThat(Http.describe(new SocketTimeoutException("Read timed out")))
        .isEqualTo("no answer in time");
    assertThat(Http.describe(new InterruptedIOException("timeout"))).isEqualTo("no answer in time");
    assertThat(Http.describe(new SSLHandshakeException("PKIX path building failed")))
        .isEqualTo("the secure connection failed: check its certificate");
    assertThat(Http.describe(new IOException("unexpected end of stream")))
        .isEqualTo("the connection broke off");
  }
}

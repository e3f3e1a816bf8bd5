package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slowloris: clients that open connections and never finish their request are dropped, and the page
 * keeps answering everyone else meanwhile. (The tests run with maxReqTime 3 s, see the pom.)
 */
class SlowClientTest {
  @Test
  void clientsThatNeverFinishTheirRequestAreDroppedAndOthersAreServed() throws Exception {
    try (CheckoutServer server =
        CheckoutServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            exchange -> {
              byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, ok.length);
              exchange.getResponseBody().write(ok);
              exchange.close();
            })) {
      List<Socket> slow = new ArrayList<>();
      try {
        // Many more half-sent requests than a fixed pool of threads would have.
        for (int i = 0; i < 100; i++) {
          Socket s = new Socket("127.0.0.1", server.port());
          s.setSoTimeout(15_000);
          OutputStream out = s.getOutputStream();
          out.write("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          slow.add(s);
        }

        HttpResponse<String> meanwhile =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                        // Within maxReqTime (3 s in the tests): answered while the slow ones
                        // are still held, not once they were dropped.
                        .timeout(Duration.ofMillis(2500))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(meanwhile.body()).isEqualTo("ok");

        for (Socket s : slow) {
          InputStream in = s.getInputStream();
          long started = System.nanoTime();
          int read;
          try {
            read = in.read();
          } catch (java.net.SocketException reset) {
            read = -1;
          }
          assertThat(read).as("the server closed the slow connection").isEqualTo(-1);
          assertThat(Duration.ofNanos(System.nanoTime() - started))
              .isLessThan(Duration.ofSeconds(15));
        }
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }
}

package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
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
 * Slowloris on loopback: clients that open connections and trickle their request one header byte at
 * a time. The whole of 127/8 is loopback on Linux, so each test address is another client. (The
 * tests run with an idle timeout of 3 s, see the pom.)
 */
class SlowClientTest {
  static final byte[] START =
      "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);

  static CheckoutServer ok() throws IOException {
    return CheckoutServer.start(
        new InetSocketAddress("127.0.0.1", 0),
        exchange -> {
          byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, ok.length);
          exchange.getResponseBody().write(ok);
          exchange.close();
        });
  }

  static Socket slow(String from, int port) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(from, 0));
    s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    s.setSoTimeout(10_000);
    s.getOutputStream().write(START);
    s.getOutputStream().flush();
    return s;
  }

  /** One more header byte on every connection still open; the ones the server closed are left. */
  static void trickle(List<Socket> sockets) {
    for (Socket s : sockets) {
      try {
        s.getOutputStream().write('a');
      } catch (IOException closed) {
        // Dropped by the server: that is what the budget is for.
      }
    }
  }

  /** A normal visitor from its own address: the answer, or the time it took past a second. */
  static Duration visit(String from, int port) throws Exception {
    HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(from)).build();
    long started = System.nanoTime();
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.body()).isEqualTo("ok");
    return Duration.ofNanos(System.nanoTime() - started);
  }

  static boolean closedByServer(Socket s) throws IOException {
    try {
      InputStream in = s.getInputStream();
      return in.read() == -1;
    } catch (SocketException reset) {
      return true;
    }
  }

  /**
   * The numbers: 1,100 trickling connections from one address and 2,000 more spread over
   * forty addresses (within their budget each). One address holds at most its budget, the rest is
   * closed at once; visitors from other addresses are served within a second throughout.
   */
  @Test
  void slowConnectionsFromOneAddressOrManyDoNotStarveOtherVisitors() throws Exception {
    try (CheckoutServer server = ok()) {
      List<Socket> one = new ArrayList<>();
      List<Socket> many = new ArrayList<>();
      try {
        for (int i = 0; i < 1100; i++) {
          one.add(slow("127.0.0.2", server.port()));
        }
        for (int i = 0; i < 2000; i++) {
          many.add(slow("127.0.1." + (1 + i % 40), server.port()));
        }
        List<Duration> visits = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
          trickle(one);
          trickle(many);
          for (int v = 0; v < 5; v++) {
            visits.add(visit("127.0.2." + (1 + round * 5 + v), server.port()));
          }
          Thread.sleep(500);
        }
        List<Duration> sorted = visits.stream().sorted().toList();
        System.out.printf(
            "slow clients: %d trickling connections, %d normal visits, median %d ms, p99 %d ms%n",
            one.size() + many.size(),
            sorted.size(),
            sorted.get(sorted.size() / 2).toMillis(),
            sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1).toMillis());
        assertThat(sorted).allSatisfy(d -> assertThat(d).isLessThan(Duration.ofSeconds(1)));
        long dropped = 0;
        for (Socket s : one) {
          s.setSoTimeout(1);
          try {
            if (closedByServer(s)) {
              dropped++;
            }
          } catch (java.net.SocketTimeoutException stillOpen) {
            // Held within the address's budget.
          }
        }
        assertThat(dropped).isGreaterThanOrEqualTo(1100 - CheckoutServer.PER_ADDRESS);
      } finally {
        for (Socket s : one) {
          s.close();
        }
        for (Socket s : many) {
          s.close();
        }
      }
    }
  }

  @Test
  void connectionsThatStopSendingAreDroppedAfterTheIdleTimeout() throws Exception {
    try (CheckoutServer server = ok()) {
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < CheckoutServer.PER_ADDRESS; i++) {
          slow.add(slow("127.0.0.3", server.port()));
        }
        for (Socket s : slow) {
          long started = System.nanoTime();
          assertThat(closedByServer(s)).as("the server closed the idle connection").isTrue();
          assertThat(Duration.ofNanos(System.nanoTime() - started))
              .isLessThan(Duration.ofSeconds(8));
        }
        // Jetty half-closes an idle connection and drops it for good one idle timeout later,
        // even when the client never closes its side; then the address has its budget back.
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Duration served = null;
        while (served == null && System.nanoTime() < until) {
          try {
            served = visit("127.0.0.3", server.port());
          } catch (IOException refused) {
            Thread.sleep(250);
          }
        }
        assertThat(served).as("the address's budget came back").isNotNull();
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }
}

package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.testing.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the window and usher serve start the checkout page, and what the owner is told. */
class CheckoutServerStartTest {
  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

  @Test
  void aPortInUseIsToldInOneSentenceAndNothingStarts() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        AppContext context = new AppContext(dataDir, clock)) {
      context.settings().set("checkout.port", Integer.toString(taken.getLocalPort()));
      List<String> told = new ArrayList<>();

      var server = CheckoutServer.startFor(context, clock, told::add);

      assertThat(server).isEmpty();
      assertThat(told)
          .containsExactly(
              "The checkout page could not start: port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 is already in use. Change checkout.port in Settings and"
                  + " restart Usher.");
    }
  }

  @Test
  void aFreePortStartsThePageAndTellsNothing() throws Exception {
    int free;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      free = probe.getLocalPort();
    }
    try (AppContext context = new AppContext(dataDir, clock)) {
      context.settings().set("checkout.port", Integer.toString(free));
      List<String> told = new ArrayList<>();

      var server = CheckoutServer.startFor(context, clock, told::add);

      assertThat(server).isPresent();
      server.get().close();
      assertThat(told).isEmpty();
    }
  }
}

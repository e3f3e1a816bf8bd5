package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.usher.application.jobs.JobStatus;
import io.usher.domain.notify.MailEvent;
import io.usher.testing.FreshJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code usher serve} in a real process whose checkout port is taken: the owner is told, and the
 * jobs and the mail run on as if the page were there; the payments are read at once, not minutes
 * after start.
 */
class ServeWithoutCheckoutTest {
  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

  @TempDir Path dataDir;

  @Test
  void aCheckoutThatCannotBindStopsNeitherTheJobsNorTheMail() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      try (AppContext setup = new AppContext(dataDir, Clock.systemUTC())) {
        setup.settings().set("checkout.port", Integer.toString(taken.getLocalPort()));
        setup.settings().set("smtp.host", "127.0.0.1");
        setup.settings().set("smtp.port", Integer.toString(smtp.getSmtp().getPort()));
        setup.settings().set("smtp.security", "none");
        setup.settings().set("smtp.from", "usher@example.com");
        setup.settings().set("owner.email", "owner@example.com");
        setup.mail().toOwner(MailEvent.OWNER_ALERT, Map.of("summary", "queued before serve"));
      }
      Process usher =
          new ProcessBuilder(FreshJvm.usher("--data-dir", dataDir.toString(), "serve"))
              .redirectErrorStream(true)
              .start();
      List<String> said = Collections.synchronizedList(new ArrayList<>());
      Thread.ofVirtual()
          .start(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(usher.getInputStream(), StandardCharsets.UTF_8))) {
                  out.lines().forEach(said::add);
                } catch (Exception ignored) {
                  // The process ended.
                }
              });
      try {
        assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("the queued mail went out").isTrue();
        JobStatus payments = paymentsRun(20_000);
        assertThat(payments.last()).as("the payments job ran at start").isNotNull();
        // The outbox and the timers start before the page is tried, so the sentence may follow
        // the mail by the time Jetty takes to load.
        String told = "The checkout page could not start: port " + taken.getLocalPort();
        assertThat(saidWithin(said, told, 20_000)).as("said: %s", said).isTrue();
      } finally {
        usher.destroy();
        assertThat(usher.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  static boolean saidWithin(List<String> said, String sentence, long withinMillis)
      throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(withinMillis);
    while (System.nanoTime() < until) {
      synchronized (said) {
        if (said.stream().anyMatch(line -> line.contains(sentence))) {
          return true;
        }
      }
      Thread.sleep(100);
    }
    return false;
  }

  /** Reads the job runs as a one-shot CLI command would, while serve holds the data folder. */
  JobStatus paymentsRun(long withinMillis) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(withinMillis);
    JobStatus status;
    do {
      try (AppContext look = new AppContext(dataDir, Clock.systemUTC())) {
        status =
            look.jobs().list().stream()
                .filter(j -> j.name().equals("payments"))
                .findFirst()
                .orElseThrow();
      }
      if (status.last() != null) {
        return status;
      }
      Thread.sleep(250);
    } while (System.nanoTime() < until);
    return status;
  }
}

package io.usher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.invites.InviteRequest;
import io.usher.application.jobs.Job;
import io.usher.application.jobs.JobResult;
import io.usher.domain.enforce.Enforcement;
import io.usher.domain.enforce.StreamFacts;
import io.usher.domain.enforce.Viewer;
import io.usher.domain.media.ActiveStream;
import io.usher.domain.media.ServerKind;
import io.usher.domain.money.Money;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the enforcement figures (run with {@code ./mvnw -Pbench verify}): 10 servers with 50
 * streams each, 250 users on 2 servers each with one stream on both and a 1-stream plan, so half
 * the streams are over the limit. In-memory servers answer instantly, so the figure is everything
 * but the API calls: reading shares and users, deciding, stopping, logging and queueing mail. Goal:
 * under 100 ms a pass. Figures are printed, not asserted.
 */
class EnforceBench {
  static final int SERVERS = 10;
  static final int STREAMS_PER_SERVER = 50;
  static final int USERS = SERVERS * STREAMS_PER_SERVER / 2;
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dataDir;

  @Test
  void enforcementPassOverTenServersOfFiftyStreams() {
    FakeMediaServers media = new FakeMediaServers();
    try (AppContext usher = new AppContext(dataDir, new MutableClock(NOW), s -> media)) {
      usher.plans().create(plan());
      List<FakeMediaServers.Fake> fakes = new ArrayList<>();
      for (int s = 0; s < SERVERS; s++) {
        String url = "http://s" + s + ":8096";
        fakes.add(media.server(url).library("f1", "Movies"));
        usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "S" + s, url, "k");
        var movies = usher.servers().libraries("S" + s).getFirst();
        usher.servers().setGroup(movies.id(), "Standard");
      }
      long seed = System.nanoTime();
      for (int s = 0; s < SERVERS; s++) {
        for (int i = 0; i < STREAMS_PER_SERVER; i++) {
          int user = (s * STREAMS_PER_SERVER / 2 + i) % USERS;
          usher.invites().invite(InviteRequest.of("user" + user + "@example.com", "Solo", "S" + s));
        }
      }
      LedgerBench.Bench.print(
          "seed 250 users shared on 2 of 10 servers each", System.nanoTime() - seed);
      List<List<ActiveStream>> playing = new ArrayList<>();
      for (int s = 0; s < SERVERS; s++) {
        FakeMediaServers.Fake fake = fakes.get(s);
        List<ActiveStream> streams = new ArrayList<>();
        for (int i = 1; i <= STREAMS_PER_SERVER; i++) {
          // The fake names its shares acct-1, acct-2, … in invite order.
          streams.add(
              new ActiveStream(
                  "s" + s + "-" + i,
                  "acct-" + i,
                  null,
                  "TV",
                  "10.0.0." + i,
                  i % 10 == 0 ? "transcode" : "directplay",
                  "1080",
                  "Title " + i,
                  i % 7 == 0));
        }
        fake.streams.addAll(streams);
        playing.add(streams);
      }
      Job job =
          usher.jobs().jobs().stream()
              .filter(j -> j.name().equals("enforce"))
              .findFirst()
              .orElseThrow();

      List<StreamFacts> facts = new ArrayList<>();
      for (int i = 0; i < SERVERS * STREAMS_PER_SERVER; i++) {
        Viewer v = new Viewer(i % USERS, "u", "u@example.com", false, "Solo", 1, false);
        facts.add(
            new StreamFacts(
                i / STREAMS_PER_SERVER,
                "S",
                true,
                playing.get(i / STREAMS_PER_SERVER).get(i % STREAMS_PER_SERVER),
                v,
                false));
      }
      LedgerBench.Bench.median(
          "decide only (pure function), 500 streams", 21, () -> Enforcement.decide(facts, false));

      JobResult dry =
          LedgerBench.Bench.median(
              "enforce dry run: read shares + users, decide", 11, () -> job.run(true));
      System.out.println("BENCH   " + dry.summary());

      // Each real pass gets fresh session ids (set up outside the timing): settled ones are
      // never acted on again, so the same streams would leave nothing to do.
      List<Long> times = new ArrayList<>();
      JobResult real = null;
      for (int run = 0; run < 7; run++) {
        for (int s = 0; s < SERVERS; s++) {
          String prefix = "r" + run + "-";
          fakes.get(s).streams.clear();
          playing.get(s).stream()
              .map(
                  a ->
                      new ActiveStream(
                          prefix + a.sessionId(),
                          a.accountId(),
                          a.username(),
                          a.device(),
                          a.ip(),
                          a.videoDecision(),
                          a.resolution(),
                          a.title(),
                          a.paused()))
              .forEach(fakes.get(s).streams::add);
        }
        long start = System.nanoTime();
        real = job.run(false);
        times.add(System.nanoTime() - start);
      }
      times.sort(Long::compare);
      System.out.printf(
          "BENCH %-55s median %8.1f ms   (min %.1f, max %.1f, %d runs)%n",
          "enforce pass: read, decide, stop, log, queue mail",
          times.get(times.size() / 2) / 1e6,
          times.getFirst() / 1e6,
          times.getLast() / 1e6,
          times.size());
      System.out.println("BENCH   " + real.summary());
      assertThat(real.summary()).doesNotStartWith("0 streams");

      long start = System.nanoTime();
      JobResult again = job.run(false);
      LedgerBench.Bench.print(
          "enforce pass again: what is left, nothing to do", System.nanoTime() - start);
      assertThat(again.summary()).startsWith("0 streams stopped");
    }
  }

  static PlanSpec plan() {
    return new PlanSpec(
        "Solo",
        Money.parse("5", Money.currency("USD")),
        PlanDuration.months(1),
        List.of("Standard"),
        1,
        false,
        false,
        null,
        false,
        false,
        false,
        0,
        null);
  }
}

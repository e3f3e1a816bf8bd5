package io.usher.bench;

import io.usher.app.AppContext;
import io.usher.app.Database;
import io.usher.domain.sharing.Place;
import io.usher.domain.sharing.SharingRule;
import io.usher.domain.sharing.Sighting;
import io.usher.store.JooqPlaceStore;
import io.usher.store.JooqSightingStore;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how long sharing detection takes over a day of streams (issue 16: 10 servers × 50 streams
 * every 5 minutes, analysed in under 200 ms): 500 streams at any moment, each session an hour, so
 * 12,000 sessions a day from 400 users, a tenth of whom also watch from a second network at the
 * same time. Figures are printed, not asserted.
 */
class SharingBench {
  static final int SERVERS = 10;
  static final int STREAMS = 50;
  static final int USERS = 400;
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dataDir;

  @Test
  void aDayOfStreamsFromTenServersIsAnalysed() throws Exception {
    List<Sighting> day = day(new Random(7));
    Map<String, Place> places = places(day, new Random(11));
    try (Database db = Database.open(dataDir)) {
      JooqSightingStore store = new JooqSightingStore(db.dsl());
      Map<String, Optional<Place>> answers = new HashMap<>();
      places.forEach((address, place) -> answers.put(address, Optional.of(place)));
      new JooqPlaceStore(db.dsl()).looked(answers, NOW);
      long t0 = System.nanoTime();
      for (int from = 0; from < day.size(); from += SERVERS * STREAMS) {
        store.seen(day.subList(from, Math.min(day.size(), from + SERVERS * STREAMS)));
      }
      double took = (System.nanoTime() - t0) / 1e6;
      System.out.printf(
          "BENCH sharing: writing %,d sightings in passes of %d: %.0f ms (%.1f ms a pass)%n",
          day.size(), SERVERS * STREAMS, took, took / (day.size() / (double) (SERVERS * STREAMS)));
    }
    try (AppContext usher =
        new AppContext(dataDir, new MutableClock(NOW), s -> new FakeMediaServers())) {
      Map<Long, Integer> streams = new HashMap<>();
      for (long u = 0; u < USERS; u++) {
        streams.put(u, 2);
      }
      double[] rule = new double[7];
      double[] service = new double[7];
      int found = 0;
      for (int run = 0; run < rule.length; run++) {
        long t0 = System.nanoTime();
        found = SharingRule.rank(day, streams, Set.of(), places).size();
        rule[run] = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        usher.sharing().suspects(1);
        service[run] = (System.nanoTime() - t0) / 1e6;
      }
      System.out.printf(
          "BENCH sharing: a day (%,d sessions, %d users, %,d addresses placed): the rule %.1f ms,"
              + " read and judged from the ledger %.1f ms (medians of %d; goal < 200 ms); %d users"
              + " flagged%n",
          day.size(), USERS, places.size(), median(rule), median(service), rule.length, found);
    }
  }

  /** Every address placed, one spot per /24: a user's home in one, the second network elsewhere. */
  private static Map<String, Place> places(List<Sighting> day, Random random) {
    Map<String, Place> networks = new HashMap<>();
    Map<String, Place> places = new HashMap<>();
    for (Sighting s : day) {
      String network = s.address().substring(0, s.address().lastIndexOf('.'));
      Place place =
          networks.computeIfAbsent(
              network,
              n ->
                  new Place(
                      random.nextDouble(-60, 60), random.nextDouble(-170, 170), "City", "XX"));
      places.put(s.address(), place);
    }
    return places;
  }

  /** A day of hour-long sessions, 500 at a time; user u watches from 203.0.(u % 250).x. */
  private static List<Sighting> day(Random random) {
    List<Sighting> day = new ArrayList<>();
    int session = 0;
    for (int hour = 0; hour < 24; hour++) {
      Instant start = NOW.minus(Duration.ofHours(24 - hour));
      for (int server = 0; server < SERVERS; server++) {
        for (int slot = 0; slot < STREAMS; slot++) {
          long user = random.nextInt(USERS);
          boolean away = user % 10 == 0 && random.nextBoolean();
          String address =
              (away ? "198.51." : "203.0.") + (user % 250) + "." + (1 + random.nextInt(250));
          day.add(
              new Sighting(
                  user,
                  server,
                  "s" + session++,
                  "Device " + (user * 3 + random.nextInt(3)),
                  address,
                  start.plusSeconds(random.nextInt(300)),
                  start.plus(Duration.ofMinutes(55 + random.nextInt(10)))));
        }
      }
    }
    return day;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}

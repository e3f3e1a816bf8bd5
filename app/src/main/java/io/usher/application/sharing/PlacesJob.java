package io.usher.application.sharing;

import io.usher.application.jobs.Job;
import io.usher.application.jobs.JobResult;
import io.usher.domain.common.Transactions;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.ServerKind;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerStore;
import io.usher.domain.settings.Settings;
import io.usher.domain.sharing.Locator;
import io.usher.domain.sharing.Networks;
import io.usher.domain.sharing.Place;
import io.usher.domain.sharing.PlaceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every 10 minutes, with {@code sharing.locate} on and a Plex server to ask with: places the public
 * addresses streams came from through plex.tv's GeoIP, a bounded number a run, for the sharing
 * screen's impossible travel. Private, LAN and the owner's own addresses are never sent. A place is
 * looked up again after 31 days.
 */
public final class PlacesJob implements Job {
  public static final String NAME = "places";

  /** The most addresses asked about in one run, so a first run on a busy ledger stays short. */
  static final int PER_RUN = 100;

  /** How long an answer is kept: the sightings' own 31 days. */
  static final Duration KEPT = Duration.ofDays(31);

  private static final Logger LOG = LoggerFactory.getLogger(PlacesJob.class);

  private final Transactions tx;
  private final PlaceStore places;
  private final ServerStore servers;
  private final MediaServers media;
  private final Settings settings;
  private final Clock clock;

  public PlacesJob(
      Transactions tx,
      PlaceStore places,
      ServerStore servers,
      MediaServers media,
      Settings settings,
      Clock clock) {
    this.tx = tx;
    this.places = places;
    this.servers = servers;
    this.media = media;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Finds where the streams' public addresses are, for impossible travel";
  }

  @Override
  public Duration every() {
    return Duration.ofMinutes(10);
  }

  @Override
  public JobResult run(boolean dryRun) {
    if (!settings.locateAddresses()) {
      return new JobResult("Off: sharing.locate is false.", List.of());
    }
    Optional<Server> plex =
        servers.all().stream()
            .filter(s -> s.kind() == ServerKind.PLEX && s.settings().enabled())
            .findFirst();
    if (plex.isEmpty()) {
      return new JobResult("No Plex server to ask plex.tv with: travel is not judged.", List.of());
    }
    Instant now = clock.instant();
    Set<String> own = settings.ownAddresses();
    List<String> unlooked = places.unlooked(now.minus(KEPT), PER_RUN);
    Map<String, Optional<Place>> answers = new LinkedHashMap<>();
    List<String> asked = new ArrayList<>();
    for (String address : unlooked) {
      if (Networks.of(address, own).isPresent()) {
        asked.add(address);
      } else {
        // Never sent anywhere; recorded so it is not considered again.
        answers.put(address, Optional.empty());
      }
    }
    if (dryRun) {
      return new JobResult(addresses(asked.size()) + " would be looked up on plex.tv", asked);
    }
    Locator locator = media.plexLocator(plex.get().credential(), plex.get().proxyUrl());
    String stopped = null;
    int placed = 0;
    for (String address : asked) {
      try {
        Optional<Place> place = locator.locate(address);
        answers.put(address, place);
        placed += place.isPresent() ? 1 : 0;
      } catch (MediaServerException e) {
        if (e.kind() == MediaServerException.Kind.UNEXPECTED_RESPONSE) {
          // An answer about this one address that cannot be read: it is not asked about again.
          LOG.warn("plex.tv's place for {} is unreadable: {}", address, e.getMessage());
          answers.put(address, Optional.empty());
          continue;
        }
        // Down, busy or refusing the token: the rest stays unlooked and is asked about next run.
        LOG.warn("plex.tv did not place {}: {}", address, e.getMessage());
        stopped = e.getMessage();
        break;
      }
    }
    tx.run(
        () -> {
          places.looked(answers, now);
          places.forgetBefore(now.minus(KEPT));
        });
    String summary =
        addresses(placed)
            + " placed, "
            + (answers.size() - placed)
            + " not placeable"
            + (stopped == null ? "" : "; stopped: " + stopped);
    return new JobResult(summary, List.of());
  }

  private static String addresses(int n) {
    return n + (n == 1 ? " address" : " addresses");
  }
}

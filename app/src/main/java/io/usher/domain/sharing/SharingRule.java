package io.usher.domain.sharing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who looks like they share their account, from the streams seen over a period (pure).
 *
 * <ul>
 *   <li>Streams playing at the same time from different networks: one household does not watch from
 *       two places at once.
 *   <li>More networks than the plan's streams and one more (a phone away from home) explain.
 *   <li>More devices than twice the plan's streams and one more explain.
 *   <li>Impossible travel, where the addresses are placed: one stream after another from places
 *       further apart than an airliner covers in the time between them (and at least {@link
 *       #TRAVEL_MIN_KM} apart, since GeoIP places a mobile network where its gateway is).
 * </ul>
 *
 * Private and LAN addresses and the owner's own are never evidence ({@link Networks}).
 */
public final class SharingRule {
  static final int OVERLAP_WEIGHT = 3;
  static final int TRAVEL_WEIGHT = 2;

  /** Closer than this, two places may be one GeoIP's guess apart. */
  static final double TRAVEL_MIN_KM = 500;

  /** An airliner's cruising speed: faster than this between two streams is nobody's travel. */
  static final double TRAVEL_MAX_KMH = 900;

  private SharingRule() {}

  /**
   * @param streams the plan's streams for each user (users absent count as one)
   * @param own the owner's own addresses
   * @param places where addresses are, as far as looked up; an address absent is not placed
   * @return users with any evidence, strongest first (ties: the lower user id first)
   */
  public static List<Suspect> rank(
      List<Sighting> sightings,
      Map<Long, Integer> streams,
      Set<String> own,
      Map<String, Place> places) {
    Map<Long, List<Sighting>> byUser = new HashMap<>();
    for (Sighting s : sightings) {
      byUser.computeIfAbsent(s.userId(), k -> new ArrayList<>()).add(s);
    }
    List<Suspect> suspects = new ArrayList<>();
    byUser.forEach(
        (user, seen) -> {
          Suspect s = judge(user, seen, Math.max(1, streams.getOrDefault(user, 1)), own, places);
          if (s.score() > 0) {
            suspects.add(s);
          }
        });
    suspects.sort(
        Comparator.comparingInt(Suspect::score).reversed().thenComparingLong(Suspect::userId));
    return suspects;
  }

  private static Suspect judge(
      long user, List<Sighting> seen, int streams, Set<String> own, Map<String, Place> places) {
    List<Sighting> placed = new ArrayList<>();
    List<String> nets = new ArrayList<>();
    Set<String> networks = new LinkedHashSet<>();
    Set<String> devices = new LinkedHashSet<>();
    for (Sighting s : seen) {
      if (s.device() != null && !s.device().isBlank()) {
        devices.add(s.device().strip());
      }
      Networks.of(s.address(), own)
          .ifPresent(
              n -> {
                placed.add(s);
                nets.add(n);
                networks.add(n);
              });
    }
    placed.sort(Comparator.comparing(Sighting::firstSeen));
    int overlaps = 0;
    String example = null;
    // Sorted by start: each stream is compared with those that started before it ended.
    for (int i = 0; i < placed.size(); i++) {
      for (int j = i + 1; j < placed.size(); j++) {
        Sighting a = placed.get(i);
        Sighting b = placed.get(j);
        if (b.firstSeen().isAfter(a.lastSeen())) {
          break;
        }
        if (!nets.get(i).equals(nets.get(j)) && a.overlaps(b)) {
          overlaps++;
          if (example == null) {
            example = nets.get(i) + " and " + nets.get(j);
          }
        }
      }
    }
    Travel travel = travel(placed, places);
    int extraNetworks = Math.max(0, networks.size() - (streams + 1));
    int extraDevices = Math.max(0, devices.size() - (2 * streams + 1));
    List<String> evidence = new ArrayList<>();
    if (overlaps > 0) {
      evidence.add(
          overlaps
              + (overlaps == 1 ? " time" : " times")
              + " watching from two networks at once (e.g. "
              + example
              + ")");
    }
    if (travel.times() > 0) {
      evidence.add(
          travel.times()
              + (travel.times() == 1 ? " time" : " times")
              + " too far from the stream before to have travelled (e.g. "
              + travel.example()
              + ")");
    }
    if (extraNetworks > 0) {
      evidence.add(
          networks.size() + " networks, where " + streams + " stream(s) explain " + (streams + 1));
    }
    if (extraDevices > 0) {
      evidence.add(
          devices.size()
              + " devices, where "
              + streams
              + " stream(s) explain "
              + (2 * streams + 1));
    }
    return new Suspect(
        user,
        overlaps * OVERLAP_WEIGHT + travel.times() * TRAVEL_WEIGHT + extraNetworks + extraDevices,
        overlaps,
        travel.times(),
        networks.size(),
        devices.size(),
        evidence);
  }

  private record Travel(int times, String example) {}

  /**
   * Each stream, in the order they started, against the placed stream before it that it does not
   * overlap (an overlap is already evidence): too far to have got there in the time between.
   */
  private static Travel travel(List<Sighting> byStart, Map<String, Place> places) {
    int times = 0;
    String example = null;
    Sighting before = null;
    Place there = null;
    for (Sighting s : byStart) {
      Place here = s.address() == null ? null : places.get(s.address());
      if (here == null) {
        continue;
      }
      if (before != null && !before.overlaps(s)) {
        double km = there.kmTo(here);
        Duration between = Duration.between(before.lastSeen(), s.firstSeen());
        double hours = Math.max(between.toSeconds(), 60) / 3600.0;
        if (km >= TRAVEL_MIN_KM && km / hours > TRAVEL_MAX_KMH) {
          times++;
          if (example == null) {
            example = there.label() + " then " + here.label() + " " + after(between) + " later";
          }
        }
      }
      if (before == null || !before.overlaps(s) || s.lastSeen().isAfter(before.lastSeen())) {
        before = s;
        there = here;
      }
    }
    return new Travel(times, example);
  }

  private static String after(Duration d) {
    long minutes = Math.max(1, d.toMinutes());
    return minutes < 120 ? minutes + " minutes" : d.toHours() + " hours";
  }
}

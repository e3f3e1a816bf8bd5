package io.usher.application.sharing;

import io.usher.application.notify.Notifier;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.enforce.Viewer;
import io.usher.domain.enforce.ViewerLookup;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.servers.ServerStore;
import io.usher.domain.sharing.Place;
import io.usher.domain.sharing.PlaceStore;
import io.usher.domain.sharing.SharingReview;
import io.usher.domain.sharing.SharingReviewStore;
import io.usher.domain.sharing.SharingRule;
import io.usher.domain.sharing.Sighting;
import io.usher.domain.sharing.SightingStore;
import io.usher.domain.sharing.Suspect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Who seems to share their account, from the streams the enforcement pass saw ({@link
 * SharingRule}), with each user's email and plan, and what the owner decides about them: a warning
 * by mail, or setting the evidence aside. Nothing happens on its own; taking access away is the
 * users screen's (and {@code AccessActions}') job.
 */
public final class SharingService {
  /** The most days looked back: what the enforcement pass keeps, less its day of margin. */
  public static final int MAX_DAYS = 30;

  private final SightingStore sightings;
  private final PlaceStore places;
  private final SharingReviewStore reviews;
  private final ServerStore servers;
  private final ViewerLookup viewers;
  private final Notifier notifier;
  private final Transactions tx;
  private final AuditLog audit;
  private final Supplier<Set<String>> ownAddresses;
  private final Clock clock;

  /**
   * @param ownAddresses the owner's own addresses ({@code sharing.own-addresses}), read each time
   */
  public SharingService(
      SightingStore sightings,
      PlaceStore places,
      SharingReviewStore reviews,
      ServerStore servers,
      ViewerLookup viewers,
      Notifier notifier,
      Transactions tx,
      AuditLog audit,
      Supplier<Set<String>> ownAddresses,
      Clock clock) {
    this.sightings = sightings;
    this.places = places;
    this.reviews = reviews;
    this.servers = servers;
    this.viewers = viewers;
    this.notifier = notifier;
    this.tx = tx;
    this.audit = audit;
    this.ownAddresses = ownAddresses;
    this.clock = clock;
  }

  /** The most streams a row carries to show what is behind its evidence, newest first. */
  static final int STREAMS_SHOWN = 100;

  /**
   * A suspect with who they are (a user deleted since has neither email nor name), when they were
   * last warned (null: never), and the streams behind the evidence, newest first.
   */
  public record Row(
      Suspect suspect,
      String email,
      String name,
      String plan,
      int streams,
      Instant warnedAt,
      List<Seen> seen) {
    public Row {
      seen = List.copyOf(seen);
    }

    /** Whether the user is still in the ledger. */
    public boolean known() {
      return email != null || name != null;
    }
  }

  /**
   * One stream behind a row's evidence; server is null for a server removed since, place when its
   * address was not placed.
   */
  public record Seen(
      String server, String device, String address, String place, Instant from, Instant to) {}

  /** What was looked at, and who stands out, strongest evidence first. */
  public record Report(Instant since, int streamsSeen, List<Row> rows) {}

  public Report suspects(int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw ValidationException.of(
          "days", "Look back between 1 and " + MAX_DAYS + " days (" + days + " given).");
    }
    Instant since = clock.instant().minus(Duration.ofDays(days));
    Map<Long, SharingReview> reviewed = reviews.all();
    // Evidence the owner set aside is not counted again; what was seen after it is.
    List<Sighting> seen =
        sightings.since(since).stream()
            .filter(
                s -> {
                  SharingReview r = reviewed.get(s.userId());
                  return r == null || r.ignoredAt() == null || s.lastSeen().isAfter(r.ignoredAt());
                })
            .toList();
    Set<Long> users = new HashSet<>();
    seen.forEach(s -> users.add(s.userId()));
    Map<Long, Viewer> known = viewers.viewers(users);
    Map<Long, Integer> streams = new HashMap<>();
    known.forEach((id, v) -> streams.put(id, v.maxStreams()));
    Map<Long, String> serverNames = new HashMap<>();
    servers.all().forEach(s -> serverNames.put(s.id(), s.name()));
    Map<String, Place> placed = places.places();
    Map<Long, List<Sighting>> byUser =
        seen.stream().collect(Collectors.groupingBy(Sighting::userId));
    List<Row> rows =
        SharingRule.rank(seen, streams, ownAddresses.get(), placed).stream()
            .map(
                s -> {
                  Viewer v = known.get(s.userId());
                  SharingReview r = reviewed.get(s.userId());
                  return new Row(
                      s,
                      v == null ? null : v.email(),
                      v == null ? null : v.label(),
                      v == null ? null : v.plan(),
                      streams.getOrDefault(s.userId(), 1),
                      r == null ? null : r.warnedAt(),
                      byUser.get(s.userId()).stream()
                          .sorted(Comparator.comparing(Sighting::firstSeen).reversed())
                          .limit(STREAMS_SHOWN)
                          .map(
                              x ->
                                  new Seen(
                                      serverNames.get(x.serverId()),
                                      x.device(),
                                      x.address(),
                                      x.address() == null || !placed.containsKey(x.address())
                                          ? null
                                          : placed.get(x.address()).label(),
                                      x.firstSeen(),
                                      x.lastSeen()))
                          .toList());
                })
            .toList();
    return new Report(since, seen.size(), rows);
  }

  /**
   * Mails the user (and DMs them on Discord when linked) what was seen, from the Account sharing
   * template, and remembers when.
   *
   * @param days the period the evidence is from, as the owner looked at it
   */
  public void warn(long userId, int days) {
    Row row =
        suspects(days).rows().stream()
            .filter(r -> r.suspect().userId() == userId)
            .findFirst()
            .orElseThrow(
                () ->
                    new UsherException(
                        "That user shows no sign of sharing in the last "
                            + days
                            + " days: there is nothing to warn them about."));
    if (!row.known()) {
      throw new UsherException("That user is no longer in the ledger.");
    }
    if (row.email() == null) {
      throw new UsherException(
          row.name() + " has no email address: add one on the Users screen to warn them.");
    }
    String summary =
        row.suspect().evidence().stream().map(e -> "- " + e).collect(Collectors.joining("\n"));
    tx.run(
        () -> {
          notifier.queue(
              MailEvent.SHARING_WARNING,
              row.email(),
              Map.of(
                  "name", row.name() == null ? "" : row.name(),
                  "plan", row.plan() == null ? "" : row.plan(),
                  "summary", summary));
          reviews.warned(userId, clock.instant());
          audit.record(
              "user", userId, "warned about sharing", String.join("; ", row.suspect().evidence()));
        });
  }

  /** Sets the user's evidence so far aside: only streams seen from now on count again. */
  public void ignore(long userId) {
    tx.run(
        () -> {
          reviews.ignored(userId, clock.instant());
          audit.record("user", userId, "sharing evidence set aside", "by the owner");
        });
  }
}

package io.usher.application.enforce;

import io.usher.application.jobs.Job;
import io.usher.application.jobs.JobResult;
import io.usher.application.notify.Notifier;
import io.usher.domain.common.Inputs;
import io.usher.domain.common.Transactions;
import io.usher.domain.enforce.Action;
import io.usher.domain.enforce.ActivityEntry;
import io.usher.domain.enforce.ActivityStore;
import io.usher.domain.enforce.Enforcement;
import io.usher.domain.enforce.Outcome;
import io.usher.domain.enforce.Reason;
import io.usher.domain.enforce.SessionKey;
import io.usher.domain.enforce.StreamFacts;
import io.usher.domain.enforce.Viewer;
import io.usher.domain.enforce.ViewerLookup;
import io.usher.domain.media.ActiveStream;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServers;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerStore;
import io.usher.domain.servers.Share;
import io.usher.domain.servers.ShareStore;
import io.usher.domain.sharing.Sighting;
import io.usher.domain.sharing.SightingStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces plan limits on what is playing (seed 011): reads every enabled server's streams, maps
 * them to Usher users through the recorded shares, lets {@link Enforcement} decide, stops those
 * streams with a message to the viewer, logs each one in the activity log and mails the user once
 * per kind of breach. A session stopped (or found not stoppable) is remembered in the log and never
 * acted on or mailed about again; a failed stop is logged and tried again next run.
 */
public final class EnforceJob implements Job {
  public static final String NAME = "enforce";

  /**
   * How long a handled session is remembered. Plex session ids are per playback; Jellyfin/Emby
   * reuse a device's session id, so a day bounds how long a new breach on the same session can go
   * unnoticed while keeping a long Plex-without-Plex-Pass stream from being mailed about again.
   */
  static final Duration REMEMBER = Duration.ofDays(1);

  /** How long the streams seen are kept for sharing detection: its 30 days and one more. */
  public static final Duration SIGHTINGS_KEPT = Duration.ofDays(31);

  private static final Logger LOG = LoggerFactory.getLogger(EnforceJob.class);

  private final Transactions tx;
  private final ServerStore servers;
  private final ShareStore shares;
  private final ViewerLookup viewers;
  private final MediaServers media;
  private final ActivityStore activity;
  private final SightingStore sightings;
  private final Notifier mail;
  private final BooleanSupplier stopAll;
  private final Clock clock;

  /**
   * @param stopAll the {@code enforce.stop-all} setting, read on every run
   */
  public EnforceJob(
      Transactions tx,
      ServerStore servers,
      ShareStore shares,
      ViewerLookup viewers,
      MediaServers media,
      ActivityStore activity,
      SightingStore sightings,
      Notifier mail,
      BooleanSupplier stopAll,
      Clock clock) {
    this.tx = tx;
    this.servers = servers;
    this.shares = shares;
    this.viewers = viewers;
    this.media = media;
    this.activity = activity;
    this.sightings = sightings;
    this.mail = mail;
    this.stopAll = stopAll;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Stops streams over a plan's limit or transcoding it does not allow, and tells the user";
  }

  @Override
  public Duration every() {
    return Duration.ofMinutes(5);
  }

  /** What one pass read: the judged streams and the servers that could not be read. */
  record Pass(Map<Long, Server> servers, List<StreamFacts> streams, List<String> unread) {}

  @Override
  public JobResult run(boolean dryRun) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Pass pass = read(now);
    List<Action> actions = Enforcement.decide(pass.streams(), stopAll.getAsBoolean());
    List<String> details = new ArrayList<>(pass.unread());
    if (dryRun) {
      actions.forEach(a -> details.add("would stop " + describe(a) + ": " + a.why()));
      return new JobResult(
          plural(actions.size(), "stream") + " would be stopped" + unreadNote(pass), details);
    }
    remember(pass, now);
    List<Done> done = new ArrayList<>();
    for (Action a : actions) {
      done.add(stop(pass.servers().get(a.target().serverId()), a));
    }
    Set<Long> mailed = record(done, now);
    int stopped = 0;
    int notStoppable = 0;
    int failed = 0;
    for (Done d : done) {
      Action a = d.action();
      switch (d.outcome()) {
        case STOPPED -> {
          stopped++;
          details.add("stopped " + describe(a) + ": " + a.why());
        }
        case NOT_STOPPABLE -> {
          notStoppable++;
          details.add("could not stop " + describe(a) + " (" + d.detail() + "): " + a.why());
        }
        case FAILED -> {
          failed++;
          details.add("failed to stop " + describe(a) + " (" + d.detail() + "), will retry");
        }
      }
    }
    StringBuilder summary = new StringBuilder(plural(stopped, "stream") + " stopped");
    if (notStoppable > 0) {
      summary.append(", ").append(notStoppable).append(" not stoppable (users told)");
    }
    if (failed > 0) {
      summary.append(", ").append(failed).append(" failed");
    }
    summary.append(", ").append(plural(mailed.size(), "user")).append(" notified");
    summary.append(unreadNote(pass));
    return new JobResult(summary.toString(), details);
  }

  /**
   * Keeps who watched what from where, once per session, for sharing detection; what is older than
   * {@link #SIGHTINGS_KEPT} goes. A stream of nobody Usher knows is not kept.
   */
  private void remember(Pass pass, Instant now) {
    List<Sighting> seen = new ArrayList<>();
    for (StreamFacts f : pass.streams()) {
      ActiveStream s = f.stream();
      if (f.viewer() == null
          || s.sessionId() == null
          || s.sessionId().isEmpty()
          || s.sessionId().length() > Sighting.MAX_SESSION) {
        continue;
      }
      seen.add(
          new Sighting(
              f.viewer().userId(),
              f.serverId(),
              s.sessionId(),
              Inputs.clip(s.device(), Sighting.MAX_DEVICE),
              Inputs.clip(s.ip(), Sighting.MAX_ADDRESS),
              now,
              now));
    }
    tx.run(
        () -> {
          sightings.seen(seen);
          sightings.forgetBefore(now.minus(SIGHTINGS_KEPT));
        });
  }

  private Pass read(Instant now) {
    Map<Long, Server> byId = new LinkedHashMap<>();
    List<String> unread = new ArrayList<>();
    record Read(Server server, List<ActiveStream> streams, Map<String, Long> accounts) {}
    List<Read> reads = new ArrayList<>();
    for (Server server : servers.all()) {
      if (!server.settings().enabled()) {
        continue;
      }
      byId.put(server.id(), server);
      List<ActiveStream> streams;
      try {
        streams = media.connect(server.connection()).streams();
      } catch (MediaServerException e) {
        LOG.warn(
            "Enforcement could not read the streams of {}: {}", server.label(), e.getMessage());
        unread.add("could not read " + server.label() + ": " + e.getMessage());
        continue;
      }
      if (!streams.isEmpty()) {
        reads.add(new Read(server, streams, accounts(server.id())));
      }
    }
    Map<Long, Viewer> known =
        viewers.viewers(
            reads.stream()
                .flatMap(r -> r.streams().stream().map(s -> userOf(r.accounts(), s)))
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
    Set<SessionKey> settled = activity.settledSince(now.minus(REMEMBER));
    List<StreamFacts> facts = new ArrayList<>();
    for (Read r : reads) {
      for (ActiveStream s : r.streams()) {
        Long user = userOf(r.accounts(), s);
        facts.add(
            new StreamFacts(
                r.server().id(),
                r.server().name(),
                r.server().settings().transcode4k(),
                s,
                user == null ? null : known.get(user),
                settled.contains(new SessionKey(r.server().id(), s.sessionId()))));
      }
    }
    return new Pass(byId, facts, unread);
  }

  /**
   * The server's recorded accounts: "id:" + account id and "name:" + lower-case account name, to
   * the user id. Active shares win over removed ones.
   */
  private Map<String, Long> accounts(long serverId) {
    Map<String, Long> map = new HashMap<>();
    List<Share> all = shares.forServer(serverId);
    for (boolean activePass : new boolean[] {false, true}) {
      for (Share s : all) {
        if (s.active() != activePass) {
          continue;
        }
        if (s.accountId() != null) {
          map.put("id:" + s.accountId(), s.userId());
        }
        if (s.account() != null) {
          map.put("name:" + s.account().toLowerCase(Locale.ROOT), s.userId());
        }
      }
    }
    return map;
  }

  private static Long userOf(Map<String, Long> accounts, ActiveStream s) {
    Long byId = s.accountId() == null ? null : accounts.get("id:" + s.accountId());
    if (byId != null) {
      return byId;
    }
    return s.username() == null
        ? null
        : accounts.get("name:" + s.username().toLowerCase(Locale.ROOT));
  }

  record Done(Action action, Server server, Outcome outcome, String detail) {}

  private Done stop(Server server, Action a) {
    try {
      media.connect(server.connection()).stopStream(a.target().sessionId(), a.message());
      LOG.info("Stopped {}: {}", describe(a), a.why());
      return new Done(a, server, Outcome.STOPPED, null);
    } catch (MediaServerException e) {
      if (e.kind() == MediaServerException.Kind.FEATURE_UNAVAILABLE) {
        LOG.warn("Could not stop {} ({}); telling the user instead", describe(a), e.getMessage());
        return new Done(a, server, Outcome.NOT_STOPPABLE, e.getMessage());
      }
      LOG.warn("Failed to stop {}: {}", describe(a), e.getMessage());
      return new Done(a, server, Outcome.FAILED, e.getMessage());
    }
  }

  /** Logs every attempt and queues one mail per user and kind of breach; the users mailed. */
  private Set<Long> record(List<Done> done, Instant now) {
    if (done.isEmpty()) {
      return Set.of();
    }
    // One mail per user and event, listing its streams; failed stops are retried, not mailed.
    Map<Long, Map<MailEvent, List<Done>>> toMail = new LinkedHashMap<>();
    for (Done d : done) {
      Viewer v = d.action().viewer();
      if (d.outcome().settled() && v.email() != null) {
        toMail
            .computeIfAbsent(v.userId(), k -> new LinkedHashMap<>())
            .computeIfAbsent(event(d.action().reason()), k -> new ArrayList<>())
            .add(d);
      }
    }
    List<ActivityEntry> entries =
        done.stream()
            .map(
                d -> {
                  ActiveStream s = d.action().target().stream();
                  Viewer v = d.action().viewer();
                  return new ActivityEntry(
                      0,
                      now,
                      v.userId(),
                      v.label(),
                      d.server().id(),
                      d.server().name(),
                      s.sessionId(),
                      s.device(),
                      s.ip(),
                      s.title(),
                      d.action().reason(),
                      d.action().why(),
                      d.outcome(),
                      d.detail(),
                      d.outcome().settled() && v.email() != null);
                })
            .toList();
    tx.run(
        () -> {
          activity.append(entries);
          toMail.forEach(
              (userId, byEvent) ->
                  byEvent.forEach(
                      (event, items) -> {
                        Viewer v = items.getFirst().action().viewer();
                        mail.queue(
                            event,
                            v.email(),
                            Map.of(
                                "name", java.util.Objects.requireNonNullElse(v.label(), ""),
                                "plan", v.plan(),
                                "summary", summary(items)));
                      }));
        });
    return toMail.keySet();
  }

  private static MailEvent event(Reason reason) {
    return reason == Reason.TOO_MANY_STREAMS
        ? MailEvent.TOO_MANY_STREAMS
        : MailEvent.TRANSCODE_NOT_ALLOWED;
  }

  private static String summary(List<Done> items) {
    return items.stream()
        .map(
            d -> {
              ActiveStream s = d.action().target().stream();
              String what = s.title() == null ? "A stream" : "\u201c" + s.title() + "\u201d";
              String where = s.device() == null ? "" : " on " + s.device();
              String status =
                  d.outcome() == Outcome.STOPPED
                      ? "was stopped"
                      : "could not be stopped remotely; please stop it";
              return "- "
                  + what
                  + where
                  + " ("
                  + d.server().name()
                  + ") "
                  + status
                  + ": "
                  + d.action().why()
                  + ".";
            })
        .collect(Collectors.joining("\n"));
  }

  private static String describe(Action a) {
    StreamFacts t = a.target();
    ActiveStream s = t.stream();
    return "session "
        + s.sessionId()
        + " of "
        + a.viewer().label()
        + " on "
        + t.serverName()
        + (s.device() == null ? "" : " (" + s.device() + ")");
  }

  private static String unreadNote(Pass pass) {
    return pass.unread().isEmpty()
        ? ""
        : "; " + plural(pass.unread().size(), "server") + " could not be read";
  }

  static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}

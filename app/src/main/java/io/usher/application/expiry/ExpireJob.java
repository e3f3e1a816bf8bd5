package io.usher.application.expiry;

import io.usher.application.jobs.Job;
import io.usher.application.jobs.JobResult;
import io.usher.application.notify.Notifier;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.expiry.ExpiryAction;
import io.usher.domain.expiry.ExpiryDecision;
import io.usher.domain.expiry.ExpiryQueries;
import io.usher.domain.expiry.ExpiryRule;
import io.usher.domain.expiry.Subscriber;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.media.MediaServer;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.servers.Library;
import io.usher.domain.servers.LibraryStore;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerStore;
import io.usher.domain.servers.Share;
import io.usher.domain.servers.ShareStore;
import io.usher.domain.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hourly: standard users whose access ended lose their shares once {@code expiry.grace-days} have
 * passed (see {@link ExpiryRule}); with {@code expiry.grace-group} set they are first narrowed to
 * that group's libraries for the grace days. Each share is changed on its server first and recorded
 * right after in its own transaction (with the audit entry and, for a user's last share, the
 * Expired mail), so a server that fails leaves that share recorded as active — retried next run —
 * while the others go through. A narrowed share already showing only the grace libraries is not
 * narrowed again.
 */
public final class ExpireJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(ExpireJob.class);

  private final Transactions tx;
  private final ExpiryQueries queries;
  private final ServerStore servers;
  private final LibraryStore libraries;
  private final ShareStore shares;
  private final MediaServers media;
  private final AuditLog audit;
  private final Notifier mail;
  private final Settings settings;
  private final Clock clock;

  /**
   * @param settings a setting's effective value ({@code expiry.grace-days}, {@code
   *     expiry.grace-group})
   */
  public ExpireJob(
      Transactions tx,
      ExpiryQueries queries,
      ServerStore servers,
      LibraryStore libraries,
      ShareStore shares,
      MediaServers media,
      AuditLog audit,
      Notifier mail,
      Settings settings,
      Clock clock) {
    this.tx = tx;
    this.queries = queries;
    this.servers = servers;
    this.libraries = libraries;
    this.shares = shares;
    this.media = media;
    this.audit = audit;
    this.mail = mail;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "expire";
  }

  @Override
  public String description() {
    return "Removes the access of users whose access ended (after expiry.grace-days)";
  }

  @Override
  public Duration every() {
    return Duration.ofHours(1);
  }

  /** What a run now would do, user by user; changes nothing. */
  public List<ExpiryStep> preview() {
    return plan(clock.instant()).steps;
  }

  @Override
  public JobResult run(boolean dryRun) {
    Instant now = clock.instant();
    Plan plan = plan(now);
    return dryRun ? describe(plan) : apply(plan, now);
  }

  private record Plan(List<ExpiryStep> steps, String group, Map<Long, List<Library>> grace) {}

  private Plan plan(Instant now) {
    int graceDays = settings.graceDays();
    String group = settings.graceGroup();
    List<Subscriber> all = queries.expiringBetween(null, now, now);
    List<ExpiryDecision> decisions = ExpiryRule.decideAll(all, graceDays, !group.isEmpty(), now);
    if (decisions.isEmpty()) {
      return new Plan(List.of(), group, Map.of());
    }
    Map<Long, List<Share>> active =
        queries.activeShares(decisions.stream().map(d -> d.subscriber().userId()).toList());
    Map<Long, Server> byId = new HashMap<>();
    servers.all().forEach(s -> byId.put(s.id(), s));
    Map<Long, List<Library>> grace = new HashMap<>();
    if (!group.isEmpty()) {
      String wanted = group.toLowerCase(Locale.ROOT);
      for (Library l : libraries.all()) {
        if (l.group().toLowerCase(Locale.ROOT).equals(wanted)) {
          grace.computeIfAbsent(l.serverId(), k -> new ArrayList<>()).add(l);
        }
      }
    }
    List<ExpiryStep> steps = new ArrayList<>();
    for (ExpiryDecision d : decisions) {
      List<Share> touched =
          active.getOrDefault(d.subscriber().userId(), List.of()).stream()
              .filter(s -> byId.containsKey(s.serverId()))
              .filter(s -> d.action() == ExpiryAction.REMOVE || needsNarrowing(s, grace))
              .toList();
      if (!touched.isEmpty()) {
        steps.add(
            new ExpiryStep(
                d, touched, touched.stream().map(s -> byId.get(s.serverId()).name()).toList()));
      }
    }
    return new Plan(steps, group, grace);
  }

  /** Narrowing needs a grace library on the share's server and is done once. */
  private static boolean needsNarrowing(Share s, Map<Long, List<Library>> grace) {
    List<Library> libs = grace.get(s.serverId());
    if (libs == null || libs.isEmpty()) {
      return false;
    }
    Set<Long> ids = libs.stream().map(Library::id).collect(Collectors.toSet());
    return s.allLibraries() || !s.libraryIds().equals(ids);
  }

  private JobResult describe(Plan plan) {
    List<String> details = new ArrayList<>();
    int removing = 0;
    int narrowing = 0;
    for (ExpiryStep step : plan.steps) {
      String where = String.join(", ", step.servers());
      if (step.action() == ExpiryAction.REMOVE) {
        removing++;
        details.add(step.who() + " would lose " + where + " (" + step.reason() + ")");
      } else {
        narrowing++;
        details.add(
            step.who()
                + " would be narrowed to "
                + plan.group
                + " on "
                + where
                + " ("
                + step.reason()
                + ")");
      }
    }
    String summary = users(removing) + " would lose access";
    if (narrowing > 0) {
      summary += ", " + users(narrowing) + " would be narrowed to " + plan.group;
    }
    return new JobResult(summary, details);
  }

  private JobResult apply(Plan plan, Instant now) {
    Map<Long, Server> byId = new HashMap<>();
    servers.all().forEach(s -> byId.put(s.id(), s));
    Map<Long, MediaServer> connections = new HashMap<>();
    Map<Long, Map<Long, String>> providerIds = new HashMap<>();
    List<String> details = new ArrayList<>();
    int removed = 0;
    int narrowed = 0;
    int failed = 0;
    for (ExpiryStep step : plan.steps) {
      Subscriber who = step.decision().subscriber();
      boolean ok = true;
      List<String> done = new ArrayList<>();
      for (int i = 0; i < step.shares().size(); i++) {
        Share share = step.shares().get(i);
        Server server = byId.get(share.serverId());
        boolean last = i == step.shares().size() - 1;
        boolean allGone = ok && last;
        Map<Long, String> provider = providerIds.computeIfAbsent(server.id(), this::providerIds);
        try {
          MediaServer remote =
              connections.computeIfAbsent(server.id(), k -> media.connect(server.connection()));
          if (step.action() == ExpiryAction.REMOVE) {
            remote.remove(remoteUser(share, who, provider));
            removeRecorded(share, who, server, allGone, now);
          } else {
            List<Library> grace = plan.grace.get(server.id());
            remote.updateLibraries(
                remoteUser(share, who, provider), grace.stream().map(Library::providerId).toList());
            narrowRecorded(share, server, grace, plan.group);
          }
          done.add(server.name());
        } catch (RuntimeException e) {
          ok = false;
          connections.remove(server.id());
          if (!(e instanceof UsherException)) {
            LOG.error("Expiry of {} on {} failed", who.label(), server, e);
          }
          details.add(
              who.label()
                  + ": "
                  + server.label()
                  + " failed ("
                  + sentence(e)
                  + "); still shared there, tried again next run");
        }
      }
      if (!done.isEmpty()) {
        String where = String.join(", ", done);
        details.add(
            step.action() == ExpiryAction.REMOVE
                ? who.label() + " lost " + where + " (" + step.reason() + ")"
                : who.label()
                    + " narrowed to "
                    + plan.group
                    + " on "
                    + where
                    + " ("
                    + step.reason()
                    + ")");
      }
      if (!ok) {
        failed++;
      } else if (step.action() == ExpiryAction.REMOVE) {
        removed++;
      } else {
        narrowed++;
      }
    }
    String summary = users(removed) + " lost access";
    if (narrowed > 0) {
      summary += ", " + users(narrowed) + " narrowed to " + plan.group;
    }
    if (failed > 0) {
      summary += "; " + users(failed) + " could not be changed on a server";
    }
    return new JobResult(summary, details);
  }

  private void removeRecorded(
      Share share, Subscriber who, Server server, boolean mailNow, Instant now) {
    tx.run(
        () -> {
          shares.save(List.of(share.removed(now)));
          audit.record(
              "user",
              who.userId(),
              "access removed",
              server.label() + ": access ended " + who.expires());
          if (mailNow && who.email() != null) {
            Map<String, String> values = new HashMap<>();
            values.put("name", who.name() != null ? who.name() : who.email());
            values.put("email", who.email());
            values.put("plan", who.plan() == null ? "" : who.plan());
            values.put("expires", Dates.day(who.expires()));
            mail.queue(MailEvent.EXPIRED, who.email(), values);
          }
        });
  }

  private void narrowRecorded(Share share, Server server, List<Library> grace, String group) {
    Set<Long> ids = new HashSet<>();
    grace.forEach(l -> ids.add(l.id()));
    tx.run(
        () -> {
          shares.save(
              List.of(
                  new Share(
                      share.id(),
                      share.userId(),
                      share.serverId(),
                      share.account(),
                      share.accountId(),
                      share.providerShareId(),
                      share.invitedAt(),
                      share.acceptedAt(),
                      share.pending(),
                      null,
                      false,
                      Set.copyOf(ids))));
          audit.record(
              "user", share.userId(), "narrowed", server.label() + ": grace group " + group);
        });
  }

  private Map<Long, String> providerIds(long serverId) {
    Map<Long, String> provider = new HashMap<>();
    libraries.forServer(serverId).forEach(l -> provider.put(l.id(), l.providerId()));
    return provider;
  }

  private static RemoteUser remoteUser(Share share, Subscriber who, Map<Long, String> provider) {
    return new RemoteUser(
        share.accountId(),
        share.account(),
        who.email(),
        share.providerShareId(),
        share.libraryIds().stream().map(provider::get).filter(p -> p != null).toList(),
        share.allLibraries(),
        share.pending(),
        share.invitedAt(),
        share.acceptedAt());
  }

  private static String sentence(RuntimeException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static String users(int n) {
    return n == 1 ? "1 user" : n + " users";
  }
}

package io.usher.application.enforce;

import io.usher.application.jobs.Job;
import io.usher.application.jobs.JobResult;
import io.usher.application.notify.Notifier;
import io.usher.application.queries.LedgerQueryService;
import io.usher.domain.common.Inputs;
import io.usher.domain.common.Transactions;
import io.usher.domain.enforce.ActivityEntry;
import io.usher.domain.enforce.ActivityStore;
import io.usher.domain.enforce.DeviceRule;
import io.usher.domain.enforce.Outcome;
import io.usher.domain.enforce.Reason;
import io.usher.domain.ledger.UserRow;
import io.usher.domain.ledger.UserStatus;
import io.usher.domain.media.DeviceAccess;
import io.usher.domain.media.DevicePolicy;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.RemoteDevice;
import io.usher.domain.media.ServerKind;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerStore;
import io.usher.domain.servers.Share;
import io.usher.domain.servers.ShareStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every 5 minutes: holds each active customer on an Emby server to their plan's device limit, by
 * {@link DeviceRule}. Permanent users and plans without a limit may use any device; the owner sets
 * limits in the plan, not in Emby. While no plan has a limit, Emby is left alone. A signed-out
 * device goes in the activity log, and its user is told once per run and server, with the devices
 * listed, in the transaction that logs them.
 */
public final class DevicesJob implements Job {
  public static final String NAME = "devices";

  private static final Logger LOG = LoggerFactory.getLogger(DevicesJob.class);

  private final Transactions tx;
  private final LedgerQueryService queries;
  private final PlanStore plans;
  private final ServerStore servers;
  private final ShareStore shares;
  private final MediaServers media;
  private final ActivityStore activity;
  private final Notifier mail;
  private final Clock clock;

  public DevicesJob(
      Transactions tx,
      LedgerQueryService queries,
      PlanStore plans,
      ServerStore servers,
      ShareStore shares,
      MediaServers media,
      ActivityStore activity,
      Notifier mail,
      Clock clock) {
    this.tx = tx;
    this.queries = queries;
    this.plans = plans;
    this.servers = servers;
    this.shares = shares;
    this.media = media;
    this.activity = activity;
    this.mail = mail;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Keeps each Emby user within their plan's devices";
  }

  @Override
  public Duration every() {
    return Duration.ofMinutes(5);
  }

  /** One run's tally, filled server by server. */
  private static final class Tally {
    final List<String> details = new ArrayList<>();
    final List<ActivityEntry> log = new ArrayList<>();

    /** Per user and server, the devices signed out; one mail each. */
    final Map<SignedOut, List<String>> toMail = new LinkedHashMap<>();

    int held;
    int freed;
    int signedOut;
    int failed;
    int unread;
  }

  /** A user whose devices were signed out of one server. */
  private record SignedOut(UserRow user, Server server) {}

  @Override
  public JobResult run(boolean dryRun) {
    List<Server> emby =
        servers.all().stream()
            .filter(s -> s.settings().enabled() && s.kind() == ServerKind.EMBY)
            .toList();
    if (emby.isEmpty()) {
      return new JobResult("No Emby server: nothing to do.", List.of());
    }
    List<Plan> all = plans.all();
    if (all.stream().allMatch(p -> p.spec().maxDevices() == null)) {
      // An owner who limits no plan's devices keeps whatever device settings Emby has, and no
      // Emby server is asked about its devices every 5 minutes for nothing.
      return new JobResult(
          "No plan limits Emby devices: Emby's device settings are left as they are.", List.of());
    }
    Map<String, Plan> byName = new HashMap<>();
    all.forEach(p -> byName.put(p.name(), p));
    Map<Long, UserRow> users = new HashMap<>();
    queries.users().forEach(u -> users.put(u.id(), u));
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Tally tally = new Tally();
    for (Server server : emby) {
      apply(server, users, byName, dryRun, now, tally);
    }
    if (!tally.log.isEmpty()) {
      tx.run(
          () -> {
            activity.append(tally.log);
            tally.toMail.forEach(
                (who, devices) ->
                    mail.queue(
                        MailEvent.TOO_MANY_DEVICES,
                        who.user().email(),
                        Map.of(
                            "name", java.util.Objects.requireNonNullElse(who.user().name(), ""),
                            "plan", who.user().plan(),
                            "server", who.server().name(),
                            "summary", String.join("\n", devices))));
          });
    }
    return new JobResult(summary(tally, dryRun), tally.details);
  }

  private void apply(
      Server server,
      Map<Long, UserRow> users,
      Map<String, Plan> byName,
      boolean dryRun,
      Instant now,
      Tally tally) {
    List<Share> managed =
        shares.forServer(server.id()).stream()
            .filter(s -> s.active() && s.accountId() != null)
            .filter(s -> customer(users.get(s.userId())))
            .toList();
    if (managed.isEmpty()) {
      return;
    }
    Optional<DeviceAccess> access = media.connect(server.connection()).deviceAccess();
    if (access.isEmpty()) {
      return;
    }
    DeviceAccess devices = access.get();
    Map<String, List<RemoteDevice>> byAccount;
    Map<String, DevicePolicy> policies;
    try {
      byAccount =
          devices.devices().stream()
              .filter(d -> d.lastUserId() != null)
              .collect(Collectors.groupingBy(RemoteDevice::lastUserId));
      policies = devices.devicePolicies();
    } catch (MediaServerException e) {
      LOG.warn("Could not read the devices of {}: {}", server.label(), e.getMessage());
      tally.details.add("could not read " + server.label() + ": " + e.getMessage());
      tally.unread++;
      return;
    }
    for (Share share : managed) {
      DevicePolicy current = policies.get(share.accountId());
      if (current == null) {
        // Not on the server any more, or made an administrator there: the sync job's business.
        continue;
      }
      UserRow user = users.get(share.userId());
      Plan plan = byName.get(user.plan());
      Integer max = plan == null ? null : plan.spec().maxDevices();
      DeviceRule.Verdict verdict =
          DeviceRule.judge(max, byAccount.getOrDefault(share.accountId(), List.of()));
      String who = user.label() + " on " + server.name();
      if (!verdict.policy().equals(current)) {
        String what =
            verdict.policy().anyDevice()
                ? "may sign in on new devices again"
                : "held to the " + EnforceJob.plural(max, "device") + " in use";
        change(devices, share, verdict.policy(), who, what, dryRun, tally);
      }
      for (RemoteDevice device : verdict.forget()) {
        String why =
            EnforceJob.plural(byAccount.get(share.accountId()).size(), "Emby device")
                + " on a plan that allows "
                + max
                + ": the least recently used is signed out";
        forget(devices, server, user, device, why, dryRun, now, tally);
      }
    }
  }

  /** Standard users with a plan and access; permanent users are the owner's own and never held. */
  private static boolean customer(UserRow user) {
    return user != null
        && !user.permanent()
        && user.plan() != null
        && user.status() == UserStatus.ACTIVE;
  }

  private static void change(
      DeviceAccess devices,
      Share share,
      DevicePolicy policy,
      String who,
      String what,
      boolean dryRun,
      Tally tally) {
    if (dryRun) {
      tally.details.add(who + " would be " + what.replaceFirst("^may", "allowed to"));
      return;
    }
    try {
      if (devices.setDevicePolicy(share.accountId(), share.account(), policy)) {
        tally.details.add(who + ": " + what);
        if (policy.anyDevice()) {
          tally.freed++;
        } else {
          tally.held++;
        }
      }
    } catch (MediaServerException e) {
      LOG.warn("Could not change the devices of {}: {}", who, e.getMessage());
      tally.details.add(who + ": devices not changed, " + e.getMessage() + " (will retry)");
      tally.failed++;
    }
  }

  private static void forget(
      DeviceAccess devices,
      Server server,
      UserRow user,
      RemoteDevice device,
      String why,
      boolean dryRun,
      Instant now,
      Tally tally) {
    String line = user.label() + " on " + server.name() + ": " + device.label();
    if (dryRun) {
      tally.details.add(line + " would be signed out (" + why + ")");
      return;
    }
    Outcome outcome;
    String detail = null;
    try {
      devices.forget(device);
      outcome = Outcome.STOPPED;
      tally.signedOut++;
      tally.details.add(line + " signed out (" + why + ")");
      if (user.email() != null) {
        tally
            .toMail
            .computeIfAbsent(new SignedOut(user, server), k -> new ArrayList<>())
            .add("- " + device.label());
      }
      LOG.info("Signed out {}: {}", line, why);
    } catch (MediaServerException e) {
      outcome = Outcome.FAILED;
      detail = e.getMessage();
      tally.failed++;
      tally.details.add(line + " not signed out, " + e.getMessage() + " (will retry)");
      LOG.warn("Could not sign out {}: {}", line, e.getMessage());
    }
    tally.log.add(
        new ActivityEntry(
            0,
            now,
            user.id(),
            user.label(),
            server.id(),
            server.name(),
            Inputs.clip("device:" + device.id(), 200),
            Inputs.clip(device.label(), 500),
            null,
            null,
            Reason.TOO_MANY_DEVICES,
            why,
            outcome,
            detail,
            outcome == Outcome.STOPPED && user.email() != null));
  }

  private static String summary(Tally t, boolean dryRun) {
    if (dryRun) {
      return EnforceJob.plural(t.details.size(), "change") + " would be made" + unread(t);
    }
    StringBuilder s = new StringBuilder();
    s.append(EnforceJob.plural(t.held, "user")).append(" held to their devices");
    s.append(", ").append(EnforceJob.plural(t.freed, "user")).append(" freed");
    s.append(", ").append(EnforceJob.plural(t.signedOut, "device")).append(" signed out");
    if (t.failed > 0) {
      s.append(", ").append(t.failed).append(" failed");
    }
    return s + unread(t);
  }

  private static String unread(Tally t) {
    return t.unread == 0 ? "" : "; " + EnforceJob.plural(t.unread, "server") + " could not be read";
  }
}

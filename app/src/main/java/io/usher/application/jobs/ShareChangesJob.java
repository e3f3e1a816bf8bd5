package io.usher.application.jobs;

import io.usher.application.queries.LedgerQueryService;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.ledger.UserRow;
import io.usher.domain.ledger.UserStatus;
import io.usher.domain.media.MediaServers;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.servers.Library;
import io.usher.domain.servers.LibraryStore;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerStore;
import io.usher.domain.servers.Share;
import io.usher.domain.servers.ShareStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hourly: when a plan's library groups or a library's group changed, or a user moved to another
 * plan, the libraries each active user sees are brought in line with their plan. Shares that
 * already match are left alone; one user's failure does not stop the others.
 */
public final class ShareChangesJob implements Job {
  private final Transactions tx;
  private final LedgerQueryService queries;
  private final PlanStore plans;
  private final ServerStore servers;
  private final LibraryStore libraries;
  private final ShareStore shares;
  private final MediaServers media;

  public ShareChangesJob(
      Transactions tx,
      LedgerQueryService queries,
      PlanStore plans,
      ServerStore servers,
      LibraryStore libraries,
      ShareStore shares,
      MediaServers media) {
    this.tx = tx;
    this.queries = queries;
    this.plans = plans;
    this.servers = servers;
    this.libraries = libraries;
    this.shares = shares;
    this.media = media;
  }

  @Override
  public String name() {
    return "shares";
  }

  @Override
  public String description() {
    return "Give every active user exactly their plan's libraries";
  }

  @Override
  public Duration every() {
    return Duration.ofHours(1);
  }

  @Override
  public JobResult run(boolean dryRun) {
    Map<Long, UserRow> users = new HashMap<>();
    queries.users().forEach(u -> users.put(u.id(), u));
    Map<String, Plan> byName = new HashMap<>();
    plans.all().forEach(p -> byName.put(p.name(), p));
    List<String> details = new ArrayList<>();
    int changed = 0;
    for (Server server : servers.all()) {
      if (!server.settings().enabled()) {
        continue;
      }
      List<Library> onServer = libraries.forServer(server.id());
      for (Share share : shares.forServer(server.id())) {
        UserRow user = users.get(share.userId());
        Plan plan = user == null || user.plan() == null ? null : byName.get(user.plan());
        if (!share.active()
            || share.pending()
            || plan == null
            || user.status() != UserStatus.ACTIVE) {
          continue;
        }
        Set<String> groups =
            plan.spec().groups().stream()
                .map(g -> g.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<Library> wanted =
            onServer.stream()
                .filter(l -> groups.contains(l.group().toLowerCase(Locale.ROOT)))
                .toList();
        Set<Long> wantedIds = wanted.stream().map(Library::id).collect(Collectors.toSet());
        if (wanted.isEmpty() || wantedIds.equals(share.libraryIds())) {
          continue;
        }
        String line = user.label() + " on " + server.name() + ": " + titles(wanted);
        if (dryRun) {
          details.add(line + " (would change)");
          continue;
        }
        try {
          media
              .connect(server.connection())
              .updateLibraries(
                  share.onServer(user.email()), wanted.stream().map(Library::providerId).toList());
          tx.run(() -> shares.save(List.of(withLibraries(share, wantedIds))));
          details.add(line);
          changed++;
        } catch (UsherException e) {
          details.add(user.label() + " on " + server.name() + ": not changed, " + e.getMessage());
        }
      }
    }
    String summary =
        dryRun
            ? details.size()
                + (details.size() == 1 ? " share would change." : " shares would change.")
            : changed + (changed == 1 ? " share changed." : " shares changed.");
    return new JobResult(summary, details);
  }

  private static Share withLibraries(Share s, Set<Long> ids) {
    return new Share(
        s.id(),
        s.userId(),
        s.serverId(),
        s.account(),
        s.accountId(),
        s.providerShareId(),
        s.invitedAt(),
        s.acceptedAt(),
        s.pending(),
        s.removedAt(),
        false,
        Set.copyOf(ids));
  }

  private static String titles(List<Library> libraries) {
    return libraries.stream().map(Library::title).sorted().collect(Collectors.joining(", "));
  }
}

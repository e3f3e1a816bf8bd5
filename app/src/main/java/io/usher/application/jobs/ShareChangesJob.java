package io.usher.application.jobs;

import io.usher.application.queries.LedgerQueryService;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.ledger.UserRow;
import io.usher.domain.ledger.UserStatus;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.RemoteUser;
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
 * Hourly: when a plan's library groups or download permission changed, a library's group changed,
 * or a user moved to another plan, the libraries each active user sees and whether they may
 * download are brought in line with their plan (downloads as each server reports them, read once
 * per server and run). Shares that already match are left alone; one user's failure does not stop
 * the others.
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
    return "Give every active user their plan's libraries and downloads";
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
      Map<String, Boolean> mayDownload = null;
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
        if (wanted.isEmpty()) {
          continue;
        }
        if (mayDownload == null) {
          mayDownload = downloads(server, details);
        }
        boolean allowed = plan.spec().downloads();
        Boolean has = share.accountId() == null ? null : mayDownload.get(share.accountId());
        boolean downloadsDiffer = has != null && has != allowed;
        if (wantedIds.equals(share.libraryIds()) && !downloadsDiffer) {
          continue;
        }
        String line =
            user.label()
                + " on "
                + server.name()
                + ": "
                + titles(wanted)
                + (downloadsDiffer ? allowed ? ", downloads allowed" : ", no downloads" : "");
        if (dryRun) {
          details.add(line + " (would change)");
          continue;
        }
        try {
          media
              .connect(server.connection())
              .updateAccess(
                  share.onServer(user.email()),
                  wanted.stream().map(Library::providerId).toList(),
                  allowed);
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

  /**
   * Who may download on the server now, by account id, as it says (one listing per server and run);
   * an account it says nothing about is left out. A server that cannot be listed leaves downloads
   * as they are this time, and the libraries are still brought in line.
   */
  private Map<String, Boolean> downloads(Server server, List<String> details) {
    Map<String, Boolean> byAccount = new HashMap<>();
    try {
      for (RemoteUser remote : media.connect(server.connection()).users()) {
        if (remote.accountId() != null && remote.downloads() != null) {
          byAccount.put(remote.accountId(), remote.downloads());
        }
      }
    } catch (UsherException e) {
      details.add(server.name() + ": downloads not checked, " + e.getMessage());
    }
    return byAccount;
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

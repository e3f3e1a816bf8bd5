package io.usher.application.jobs;

import io.usher.application.invites.OwnerAlert;
import io.usher.application.servers.ServerRow;
import io.usher.application.servers.ServerService;
import io.usher.domain.common.UsherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily: every enabled server still answers with its token or key; if not, the owner hears and the
 * run fails with each server's reason.
 */
public final class TokensJob implements Job {
  private final ServerService servers;
  private final OwnerAlert alert;

  public TokensJob(ServerService servers, OwnerAlert alert) {
    this.servers = servers;
    this.alert = alert;
  }

  @Override
  public String name() {
    return "tokens";
  }

  @Override
  public String description() {
    return "Check every server's token or API key still works";
  }

  @Override
  public Duration every() {
    return Duration.ofDays(1);
  }

  @Override
  public JobResult run(boolean dryRun) {
    List<String> failures = new ArrayList<>();
    int ok = 0;
    for (ServerRow row : servers.list()) {
      if (!row.server().settings().enabled()) {
        continue;
      }
      try {
        servers.test(row.server().name());
        ok++;
      } catch (UsherException e) {
        failures.add(row.server().label() + ": " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      if (!dryRun) {
        alert.alert(String.join(" ", failures));
      }
      // A failed run is what the dashboard's "Every server's token works" looks for.
      throw new UsherException(
          ok + (ok == 1 ? " server answers; " : " servers answer; ") + String.join(" ", failures));
    }
    return new JobResult(ok + (ok == 1 ? " server answers." : " servers answer."), List.of());
  }
}

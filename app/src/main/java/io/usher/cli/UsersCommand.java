package io.usher.cli;

import io.usher.domain.ledger.UserStatus;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "users", description = "List users with their status, plan, expiry and servers.")
final class UsersCommand implements Runnable {
  enum StatusFilter {
    active,
    expired,
    all
  }

  @ParentCommand RootCommand root;

  @Option(
      names = "--status",
      paramLabel = "S",
      description = "active, expired or all (default: ${DEFAULT-VALUE}).",
      defaultValue = "all")
  StatusFilter status;

  @Override
  public void run() {
    UserStatus filter =
        switch (status) {
          case active -> UserStatus.ACTIVE;
          case expired -> UserStatus.EXPIRED;
          case all -> null;
        };
    root.output()
        .list(
            List.of("ID", "EMAIL", "NAME", "STATUS", "PERMANENT", "PLAN", "EXPIRES", "SERVERS"),
            List.of("id", "email", "name", "status", "permanent", "plan", "expires", "servers"),
            root.usher().queries().users(filter).stream().map(Views::user).toList());
  }
}

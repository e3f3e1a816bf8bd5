package io.usher.cli;

import io.usher.domain.users.User;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "unlink", description = "Stop a sub-account being paid for by its master.")
final class UnlinkCommand implements Runnable {
  @ParentCommand RootCommand root;

  @Parameters(
      index = "0",
      paramLabel = "SUB",
      description = "The sub-account: their email, #ID or name.")
  String sub;

  @Override
  public void run() {
    User s = root.usher().links().unlink(sub);
    root.output().done("Unlinked " + s.who() + ".", Map.of("sub", s.who()));
  }
}

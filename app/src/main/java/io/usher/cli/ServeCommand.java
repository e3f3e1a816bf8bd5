package io.usher.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "serve",
    description = {
      "Run headless: the job scheduler and the outbox worker, without a window,",
      "until SIGTERM or Ctrl-C. Logs go to logs/ in the data folder."
    })
final class ServeCommand implements Runnable {
  @ParentCommand RootCommand root;

  @Override
  public void run() {
    root.serve();
  }
}

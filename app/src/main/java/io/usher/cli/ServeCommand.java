package io.usher.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "serve",
    description = {
      "Run headless until SIGTERM or Ctrl-C: the checkout page, the job scheduler and the outbox"
          + " worker, without a window.",
      "Logs go to logs/ in the data folder."
    })
final class ServeCommand implements Runnable {
  @ParentCommand RootCommand root;

  @Override
  public void run() {
    root.serve();
  }
}

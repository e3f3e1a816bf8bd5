package io.usher.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code usher help [COMMAND…]}: the usage of Usher or of any command, nested ones included ({@code
 * usher help payment add}); picocli's own help command stops at the first word.
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Show how to use Usher or a command, e.g. usher help payment add.")
final class HelpCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command to describe.")
  List<String> path = new ArrayList<>();

  @Override
  public void run() {
    CommandLine command = spec.commandLine().getParent();
    for (String name : path) {
      CommandLine next = command.getSubcommands().get(name);
      if (next == null) {
        throw new ParameterException(
            spec.commandLine(),
            "Unknown command: 'usher " + String.join(" ", path) + "'; try usher help.");
      }
      command = next;
    }
    command.usage(spec.commandLine().getOut());
  }
}

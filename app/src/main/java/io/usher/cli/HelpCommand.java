package io.usher.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
final class HelpCommand implements java.util.concurrent.Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command to describe.")
  List<String> path = new ArrayList<>();

  /**
   * @return 2 for a command that does not exist, as for any malformed command line
   */
  @Override
  public Integer call() {
    CommandLine command = spec.commandLine().getParent();
    List<String> known = new ArrayList<>(List.of("usher"));
    for (String name : path) {
      CommandLine next = command.getSubcommands().get(name);
      if (next == null) {
        // The commands there are, rather than a pointer to yet another help page.
        spec.commandLine()
            .getErr()
            .println(
                "Unknown command: '"
                    + String.join(" ", known)
                    + " "
                    + name
                    + "'. The commands of '"
                    + String.join(" ", known)
                    + "' are: "
                    + String.join(", ", command.getSubcommands().keySet())
                    + ".");
        return 2;
      }
      known.add(name);
      command = next;
    }
    command.usage(spec.commandLine().getOut());
    return 0;
  }
}

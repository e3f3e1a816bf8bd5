package io.usher.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Options a command needs that picocli cannot mark required (another form of the command goes
 * without them): every missing one is named in one sentence, since a script fixed option by option
 * would need a run for each.
 */
final class Required {
  private final List<String> missing = new ArrayList<>();

  /** Missing when absent or blank. */
  Required option(String value, String name) {
    if (value == null || value.isBlank()) {
      missing.add("'" + name + "'");
    }
    return this;
  }

  /**
   * A malformed command line (exit 2) naming what is missing.
   *
   * @param forWhat e.g. " for jellyfin", or "" when the command says enough
   */
  void check(CommandSpec spec, String forWhat) {
    if (missing.isEmpty()) {
      return;
    }
    throw new ParameterException(
        spec.commandLine(),
        (missing.size() == 1 ? "Missing required option" : "Missing required options")
            + forWhat
            + ": "
            + String.join(", ", missing));
  }
}

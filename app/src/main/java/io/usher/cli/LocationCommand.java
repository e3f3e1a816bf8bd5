package io.usher.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "location",
    description = "Server locations customers can choose from.",
    subcommands = {LocationCommand.Add.class, LocationCommand.ListLocations.class})
final class LocationCommand {
  @ParentCommand RootCommand root;

  @Command(name = "add", description = "Add a server location, e.g. Europe.")
  static final class Add implements Runnable {
    @ParentCommand LocationCommand parent;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public void run() {
      String added = parent.root.usher().servers().addLocation(name);
      parent.root.output().done("Added server location " + added + ".", Map.of("name", added));
    }
  }

  @Command(name = "list", description = "List server locations.")
  static final class ListLocations implements Runnable {
    @ParentCommand LocationCommand parent;

    @Override
    public void run() {
      List<Map<String, Object>> rows =
          parent.root.usher().servers().locations().stream()
              .map(g -> Map.<String, Object>of("name", g))
              .toList();
      parent.root.output().list(List.of("NAME"), List.of("name"), rows);
    }
  }
}

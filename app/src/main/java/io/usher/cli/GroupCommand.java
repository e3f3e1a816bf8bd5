package io.usher.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "group",
    description = "Library groups (Private and Standard always exist).",
    subcommands = {GroupCommand.Add.class, GroupCommand.ListGroups.class})
final class GroupCommand {
  @ParentCommand RootCommand root;

  @Command(name = "add", description = "Add a library group, e.g. 4K.")
  static final class Add implements Runnable {
    @ParentCommand GroupCommand parent;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public void run() {
      String added = parent.root.usher().servers().addGroup(name);
      parent.root.output().done("Added library group " + added + ".", Map.of("name", added));
    }
  }

  @Command(name = "list", description = "List library groups.")
  static final class ListGroups implements Runnable {
    @ParentCommand GroupCommand parent;

    @Override
    public void run() {
      List<Map<String, Object>> rows =
          parent.root.usher().servers().groups().stream()
              .map(g -> Map.<String, Object>of("name", g))
              .toList();
      parent.root.output().list(List.of("NAME"), List.of("name"), rows);
    }
  }
}

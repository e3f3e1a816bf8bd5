package io.usher.cli;

import io.usher.domain.servers.Library;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "library",
    description = "List libraries and put them in library groups.",
    subcommands = {LibraryCommand.ListLibraries.class, LibraryCommand.Group.class})
final class LibraryCommand {
  @ParentCommand RootCommand root;

  @Command(name = "list", description = "List libraries (new ones start in Private: never shared).")
  static final class ListLibraries implements Runnable {
    @ParentCommand LibraryCommand parent;

    @Option(names = "--server", paramLabel = "N", description = "Only this server's libraries.")
    String server;

    @Override
    public void run() {
      List<Map<String, Object>> rows =
          parent.root.usher().servers().libraries(server).stream()
              .map(LibraryCommand::view)
              .toList();
      parent
          .root
          .output()
          .list(
              List.of("ID", "TITLE", "SERVER", "GROUP", "PROVIDER ID"),
              List.of("id", "title", "server", "group", "providerId"),
              rows);
    }
  }

  @Command(
      name = "group",
      description = "Put a library in a group: library group LIBRARY-ID GROUP.")
  static final class Group implements Runnable {
    @ParentCommand LibraryCommand parent;

    @Parameters(index = "0", paramLabel = "LIBRARY-ID")
    long libraryId;

    @Parameters(index = "1", paramLabel = "GROUP")
    String group;

    @Override
    public void run() {
      Library library = parent.root.usher().servers().setGroup(libraryId, group);
      parent
          .root
          .output()
          .done(
              library.title() + " on " + library.server() + " is now in " + library.group() + ".",
              view(library));
    }
  }

  static Map<String, Object> view(Library l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", l.id());
    m.put("title", l.title());
    m.put("server", l.server());
    m.put("group", l.group());
    m.put("providerId", l.providerId());
    return m;
  }
}

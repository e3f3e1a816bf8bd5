package io.usher.cli;

import io.usher.application.servers.PlexSignIn;
import io.usher.application.servers.ServerRow;
import io.usher.application.servers.ServerService;
import io.usher.domain.media.PlexPin;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.ServerInfo;
import io.usher.domain.media.ServerKind;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerSettings;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "server",
    description = "Link, list, test and configure media servers.",
    subcommands = {
      ServerCommand.Add.class,
      ServerCommand.ListServers.class,
      ServerCommand.Test.class,
      ServerCommand.Set.class
    })
final class ServerCommand {
  @ParentCommand RootCommand root;

  @Command(
      name = "add",
      description =
          "Link a server: add plex|jellyfin|emby. Its libraries are imported (into Private).")
  static final class Add implements Runnable {
    @ParentCommand ServerCommand parent;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "plex, jellyfin or emby.")
    ServerKind kind;

    @Option(
        names = "--name",
        paramLabel = "N",
        description = "The server's name in Usher (Plex: which of the token's servers).")
    String name;

    @Option(names = "--token", paramLabel = "T", description = "Plex: the owner account's token.")
    String token;

    @Option(
        names = "--sign-in",
        description =
            "Plex: sign in with Plex in a browser instead of giving --token; prints the address"
                + " and waits.")
    boolean signIn;

    @Option(
        names = "--machine-id",
        paramLabel = "ID",
        description = "Plex: pick the server by machine identifier.")
    String machineId;

    @Option(
        names = "--url",
        paramLabel = "URL",
        description = "The server's address (Plex: found on plex.tv when absent).")
    String url;

    @Option(
        names = "--api-key",
        paramLabel = "K",
        description = "Jellyfin/Emby: an API key (Dashboard → API Keys).")
    String apiKey;

    @Option(
        names = "--proxy",
        paramLabel = "URL",
        description = "Plex: an HTTP proxy for this account's plex.tv calls.")
    String proxy;

    @Override
    public void run() {
      if (kind != ServerKind.PLEX) {
        // Before the ledger is opened.
        new Required()
            .option(name, "--name")
            .option(url, "--url")
            .option(apiKey, "--api-key")
            .check(spec, " for " + kind.code());
      }
      ServerService servers = parent.root.usher().servers();
      Server server =
          kind == ServerKind.PLEX
              ? addPlex(servers)
              : servers.addMediaBrowser(kind, name, url, apiKey);
      int libraries = servers.libraries(server.name()).size();
      parent
          .root
          .output()
          .done(
              "Linked "
                  + server.label()
                  + " at "
                  + server.url()
                  + " with "
                  + libraries
                  + (libraries == 1 ? " library" : " libraries")
                  + " (in Private until you put them in a group).",
              ServerCommand.view(new ServerRow(server, 0)));
    }

    private Server addPlex(ServerService servers) {
      if (!signIn) {
        new Required().option(token, "--token").check(spec, " for " + kind.code());
        return servers.addPlex(token, name, machineId, url, proxy);
      }
      if (token != null) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "Give --token or --sign-in, not both.");
      }
      String signedIn = signedIn();
      String chosen = machineId;
      if (chosen == null && (name == null || name.isBlank())) {
        // One server needs no choosing; with several, the list below says which names exist.
        List<PlexServerChoice> owned = servers.plexServers(signedIn, proxy);
        chosen = owned.size() == 1 ? owned.getFirst().machineId() : null;
      }
      return servers.addPlex(signedIn, name, chosen, url, proxy);
    }

    /** The PIN flow: the address goes to stderr, so stdout stays the command's one result. */
    private String signedIn() {
      PlexSignIn plex = parent.root.usher().plexSignIn();
      PlexPin pin = plex.start(proxy);
      PrintWriter err = spec.commandLine().getErr();
      err.println("Open this address in a browser and sign in to Plex as the server's owner:");
      err.println("  " + pin.signInUrl());
      err.println("Waiting for the sign-in (Ctrl+C stops)…");
      err.flush();
      return plex.await(pin, proxy, () -> false).orElseThrow();
    }
  }

  @Command(name = "list", description = "List linked servers.")
  static final class ListServers implements Runnable {
    @ParentCommand ServerCommand parent;

    @Override
    public void run() {
      List<Map<String, Object>> rows =
          parent.root.usher().servers().list().stream().map(ServerCommand::view).toList();
      parent
          .root
          .output()
          .list(
              List.of("NAME", "KIND", "URL", "LOCATION", "USERS", "CAPACITY", "ENABLED"),
              List.of("name", "kind", "url", "location", "users", "capacity", "enabled"),
              rows);
    }
  }

  @Command(name = "test", description = "Connect to a server now and say whether it works.")
  static final class Test implements Runnable {
    @ParentCommand ServerCommand parent;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public void run() {
      ServerInfo info = parent.root.usher().servers().test(name);
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("name", name);
      fields.put("serverName", info.name());
      fields.put("version", info.version());
      parent
          .root
          .output()
          .done(
              "OK: "
                  + name
                  + " answers as "
                  + info.name()
                  + (info.version() == null ? "" : " (version " + info.version() + ")")
                  + ".",
              fields);
    }
  }

  @Command(name = "set", description = "Change a server's settings.")
  static final class Set implements Runnable {
    @ParentCommand ServerCommand parent;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(
        names = "--location",
        paramLabel = "L",
        description = "A server location (empty for none).")
    String location;

    @Option(
        names = "--capacity",
        paramLabel = "N",
        description = "Most users at once (0 or empty: no limit).")
    String capacity;

    @Option(names = "--new-users", arity = "1", paramLabel = "B")
    Boolean newUsers;

    @Option(names = "--trials", arity = "1", paramLabel = "B")
    Boolean trials;

    @Option(names = "--trial-only", arity = "1", paramLabel = "B")
    Boolean trialOnly;

    @Option(names = "--enabled", arity = "1", paramLabel = "B")
    Boolean enabled;

    @Option(names = "--4k-transcode", arity = "1", paramLabel = "B")
    Boolean transcode4k;

    @Override
    public void run() {
      ServerService servers = parent.root.usher().servers();
      ServerSettings s = servers.byName(name).settings();
      ServerSettings changed =
          new ServerSettings(
              location != null ? location : s.location(),
              enabled != null ? enabled : s.enabled(),
              newUsers != null ? newUsers : s.acceptsNewUsers(),
              trials != null ? trials : s.acceptsTrials(),
              trialOnly != null ? trialOnly : s.trialOnly(),
              capacity != null ? capacity(capacity) : s.capacity(),
              transcode4k != null ? transcode4k : s.transcode4k());
      Server server = servers.update(name, changed);
      parent
          .root
          .output()
          .done("Updated " + server.label() + ".", ServerCommand.view(new ServerRow(server, 0)));
    }

    private Integer capacity(String text) {
      String t = text.strip();
      if (t.isEmpty() || t.equals("0")) {
        return null;
      }
      try {
        return Integer.valueOf(t);
      } catch (NumberFormatException e) {
        throw io.usher.domain.common.ValidationException.of(
            "capacity", "'" + t + "' is not a whole number: give the most users the server holds.");
      }
    }
  }

  static Map<String, Object> view(ServerRow row) {
    Server s = row.server();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("kind", s.kind().code());
    m.put("url", s.url());
    m.put("location", s.settings().location());
    m.put("capacity", s.settings().capacity());
    m.put("users", row.users());
    m.put("enabled", s.settings().enabled());
    return m;
  }
}

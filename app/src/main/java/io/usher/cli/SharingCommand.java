package io.usher.cli;

import io.usher.application.sharing.SharingService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "sharing",
    description = {
      "Users whose streams suggest they share their account, strongest evidence first: watching"
          + " from two networks at once, from places too far apart to have travelled between"
          + " (where plex.tv placed the addresses), or from more networks or devices than their"
          + " plan's streams explain.",
      "Private and LAN addresses and those in sharing.own-addresses are never evidence."
    },
    subcommands = {SharingCommand.Warn.class, SharingCommand.Ignore.class})
final class SharingCommand implements Runnable {
  @ParentCommand RootCommand root;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "30",
      description = "How many days back to look, 1 to 30 (default: 30).")
  int days;

  @Override
  public void run() {
    SharingService.Report report = root.usher().sharing().suspects(days);
    List<Map<String, Object>> rows = report.rows().stream().map(SharingCommand::view).toList();
    root.output()
        .list(
            List.of("USER", "PLAN", "STREAMS", "SCORE", "EVIDENCE"),
            List.of("email", "plan", "streams", "score", "evidence"),
            rows);
  }

  static Map<String, Object> view(SharingService.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("userId", r.suspect().userId());
    m.put("email", r.email() == null ? "#" + r.suspect().userId() + " (deleted)" : r.email());
    m.put("plan", r.plan() == null ? "" : r.plan());
    m.put("streams", r.streams());
    m.put("score", r.suspect().score());
    m.put("overlaps", r.suspect().overlaps());
    m.put("travels", r.suspect().travels());
    m.put("networks", r.suspect().networks());
    m.put("devices", r.suspect().devices());
    m.put("evidence", String.join("; ", r.suspect().evidence()));
    return m;
  }

  @Command(
      name = "warn",
      description =
          "Mail the user (and DM them on Discord) what was seen, from the Account sharing template.")
  static final class Warn implements Runnable {
    @ParentCommand SharingCommand parent;

    @Parameters(index = "0", paramLabel = "USER", description = "The user: email, #ID or name.")
    String user;

    @Option(
        names = "--days",
        paramLabel = "N",
        defaultValue = "30",
        description = "The period the evidence is from, 1 to 30 (default: 30).")
    int days;

    @Override
    public void run() {
      var usher = parent.root.usher();
      var found = usher.users().find(user);
      usher.sharing().warn(found.id(), days);
      parent
          .root
          .output()
          .done("Warned " + found.who() + " about sharing.", Map.of("userId", found.id()));
    }
  }

  @Command(
      name = "ignore",
      description = "Set the user's evidence so far aside: only streams seen from now on count.")
  static final class Ignore implements Runnable {
    @ParentCommand SharingCommand parent;

    @Parameters(index = "0", paramLabel = "USER", description = "The user: email, #ID or name.")
    String user;

    @Override
    public void run() {
      var usher = parent.root.usher();
      var found = usher.users().find(user);
      usher.sharing().ignore(found.id());
      parent
          .root
          .output()
          .done(
              "Set aside what was seen of " + found.who() + " so far.",
              Map.of("userId", found.id()));
    }
  }
}

package io.usher.cli;

import io.usher.application.Usher;
import io.usher.application.users.UserActions;
import io.usher.application.users.UserService;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "user",
    description = "Create or edit a user.",
    subcommands = {
      UserCommand.Add.class,
      UserCommand.Set.class,
      UserCommand.ChangeAccount.class,
      UserCommand.Extend.class,
      UserCommand.Remind.class,
      UserCommand.RemoveAccess.class,
      UserCommand.RestoreAccess.class,
      UserCommand.Delete.class
    })
final class UserCommand {
  @ParentCommand RootCommand root;

  /** A command on users named by email, #ID or name, saying per user what it did (or would). */
  abstract static class OnUsers implements Runnable {
    @ParentCommand UserCommand parent;

    @Parameters(
        arity = "1..*",
        paramLabel = "USER",
        description = "Each user: their email, #ID (as `usher users` lists it) or name.")
    List<String> users;

    @Option(names = "--dry-run", description = "Only say what would happen.")
    boolean dryRun;

    abstract List<UserActions.Outcome> act(Usher usher, List<Long> ids, boolean preview);

    /** Whether this run only says what would happen. */
    boolean preview() {
      return dryRun;
    }

    @Override
    public void run() {
      Usher usher = parent.root.usher();
      List<Long> ids = users.stream().map(r -> usher.users().find(r).id()).toList();
      parent.report(act(usher, ids, preview()), preview());
    }
  }

  @Command(
      name = "extend",
      description =
          "Give users days for free on their current plan, after their paid time (a credit"
              + " payment of no money); their share is queued as for any payment.")
  static final class Extend extends OnUsers {
    @Option(
        names = "--days",
        required = true,
        paramLabel = "N",
        description = "How many days, 1 to 3650.")
    int days;

    @Override
    List<UserActions.Outcome> act(Usher usher, List<Long> ids, boolean preview) {
      return usher.userActions().extend(ids, days, preview);
    }
  }

  @Command(
      name = "remind",
      description = "Send active users the expiry reminder now (mail, and Discord when linked).")
  static final class Remind extends OnUsers {
    @Override
    List<UserActions.Outcome> act(Usher usher, List<Long> ids, boolean preview) {
      return usher.userActions().remind(ids, preview);
    }
  }

  @Command(
      name = "remove-access",
      description =
          "Take users off every server now (Plex share removed, Jellyfin/Emby account"
              + " disabled); their payments stay.")
  static final class RemoveAccess extends OnUsers {
    @Override
    List<UserActions.Outcome> act(Usher usher, List<Long> ids, boolean preview) {
      return usher.accessActions().removeAccess(ids, preview);
    }
  }

  @Command(
      name = "restore-access",
      description =
          "Share users with paid time (or permanent) again, as a payment would, on the server"
              + " chosen for them.")
  static final class RestoreAccess extends OnUsers {
    @Override
    List<UserActions.Outcome> act(Usher usher, List<Long> ids, boolean preview) {
      return usher.accessActions().restoreAccess(ids, preview);
    }
  }

  @Command(
      name = "delete",
      description =
          "Take users off every server, then out of the ledger with their payments and"
              + " referrals (the audit log keeps what was deleted). Without --yes it only says"
              + " what would happen.")
  static final class Delete extends OnUsers {
    @Option(names = "--yes", description = "Delete them.")
    boolean yes;

    @Override
    boolean preview() {
      return dryRun || !yes;
    }

    @Override
    List<UserActions.Outcome> act(Usher usher, List<Long> ids, boolean preview) {
      return usher.accessActions().delete(ids, preview);
    }

    @Override
    public void run() {
      super.run();
      if (!dryRun && !yes) {
        throw ValidationException.of("yes", "Nothing was deleted: add --yes to delete them.");
      }
    }
  }

  /**
   * One line per user; with --json an object per user. Skipped users are said, not failed; a user
   * an action failed for makes the command fail (exit 1) after every line is printed.
   */
  void report(List<UserActions.Outcome> outcomes, boolean dryRun) {
    Output out = root.output();
    if (out.json()) {
      out.list(
          List.of(),
          List.of(),
          outcomes.stream()
              .map(
                  o -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", o.userId());
                    m.put("user", o.who());
                    m.put("done", o.done() && !dryRun);
                    m.put("skipped", o.state() == UserActions.Outcome.State.SKIPPED);
                    m.put("failed", o.state() == UserActions.Outcome.State.FAILED);
                    m.put("what", o.what());
                    return m;
                  })
              .toList());
    } else {
      for (UserActions.Outcome o : outcomes) {
        out.line(
            (switch (o.state()) {
                  case DONE -> dryRun ? "would: " : "done: ";
                  case SKIPPED -> "skipped: ";
                  case FAILED -> "failed: ";
                })
                + o.who()
                + ", "
                + o.what());
      }
    }
    long failed =
        outcomes.stream().filter(o -> o.state() == UserActions.Outcome.State.FAILED).count();
    if (failed > 0) {
      throw new UsherException(
          failed + (failed == 1 ? " user" : " users") + " could not be changed; see above.");
    }
  }

  @Command(name = "add", description = "Create a user.")
  static final class Add implements Runnable {
    @ParentCommand UserCommand parent;

    @Option(
        names = "--email",
        required = true,
        paramLabel = "E",
        description = "The user's email (their Plex account email).")
    String email;

    @Option(names = "--name", paramLabel = "N", description = "Display name.")
    String name;

    @Option(names = "--permanent", description = "Never expires, exempt from all limits.")
    boolean permanent;

    @Override
    public void run() {
      User user =
          parent
              .root
              .usher()
              .users()
              .create(new UserSpec(email, name, permanent, false, null, null, null, null));
      parent.root.output().done("Created user " + user.email() + ".", fields(user));
    }
  }

  @Command(name = "set", description = "Edit a user's details.")
  static final class Set implements Runnable {
    @ParentCommand UserCommand parent;

    @Parameters(
        index = "0",
        paramLabel = "USER",
        description = "The user to edit: their email, #ID (as `usher users` lists it) or name.")
    String user;

    @Option(names = "--email", paramLabel = "NEW", description = "A new email address.")
    String newEmail;

    @Option(names = "--name", paramLabel = "N", description = "Display name.")
    String name;

    @Option(names = "--permanent", arity = "1", paramLabel = "B", description = "true or false.")
    Boolean permanent;

    @Option(
        names = "--must-change-account",
        arity = "1",
        paramLabel = "B",
        description = "Ask the user to move to another Plex account.")
    Boolean mustChange;

    @Option(
        names = "--paypal-email",
        paramLabel = "X",
        description = "PayPal email, for matching payments.")
    String paypalEmail;

    @Option(names = "--discord-id", paramLabel = "X", description = "Discord user id.")
    String discordId;

    @Option(
        names = "--discord-name",
        paramLabel = "X",
        description = "Discord user name, as a note for you (\"\": remove it).")
    String discordName;

    @Option(names = "--notes", paramLabel = "TEXT", description = "Notes (\"\": remove them).")
    String notes;

    @Override
    public void run() {
      UserService users = parent.root.usher().users();
      User before = users.find(user);
      UserSpec s = before.spec();
      UserSpec changed =
          new UserSpec(
              newEmail != null ? newEmail : s.email(),
              name != null ? name : s.name(),
              permanent != null ? permanent : s.permanent(),
              mustChange != null ? mustChange : s.mustChangeAccount(),
              paypalEmail != null ? paypalEmail : s.paypalEmail(),
              discordId != null ? discordId : s.discordId(),
              discordName != null ? discordName : s.discordName(),
              notes != null ? notes : s.notes());
      User after = users.update(before.id(), changed);
      parent.root.output().done("Updated user " + after.who() + ".", fields(after));
    }
  }

  @Command(
      name = "change-account",
      description =
          "Move a user to another Plex account: invite the new one, remove the old share.")
  static final class ChangeAccount implements Runnable {
    @ParentCommand UserCommand parent;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "USER",
        description = "The user: their current email, #ID or name.")
    String email;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "NEW",
        description = "The new Plex account's email.")
    String to;

    @Override
    public void run() {
      var moved = parent.root.usher().accounts().change(email, to);
      User after = parent.root.usher().users().byEmail(to);
      Map<String, Object> f = fields(after);
      f.put("leftovers", moved.leftovers());
      parent.root.output().done(moved.sentence(), f);
      moved.leftovers().forEach(spec.commandLine().getErr()::println);
    }
  }

  static Map<String, Object> fields(User user) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", user.id());
    m.put("email", user.email());
    m.put("name", user.spec().name());
    m.put("permanent", user.permanent());
    m.put("mustChangeAccount", user.spec().mustChangeAccount());
    m.put("paypalEmail", user.spec().paypalEmail());
    m.put("discordId", user.spec().discordId());
    m.put("discordName", user.spec().discordName());
    m.put("notes", user.spec().notes());
    return m;
  }
}

package io.usher.cli;

import io.usher.application.Usher;
import io.usher.application.migrations.MigrationService;
import io.usher.domain.common.UsherException;
import io.usher.domain.migrations.Migration;
import io.usher.domain.migrations.Move;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "migrate",
    description =
        "Move users (all of a server's, or those listed) to another server, Plex and"
            + " Jellyfin/Emby alike: shared on the target first, then taken off the source;"
            + " payments kept. One line per user: moved, or not and why.")
final class MigrateCommand implements Runnable {
  /** How long the command waits on a move that makes no progress before leaving it running. */
  private static final long PATIENCE_NANOS = 120_000_000_000L;

  @ParentCommand RootCommand root;

  @Option(names = "--from", required = true, paramLabel = "SERVER", description = "Move from.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "SERVER", description = "Move to.")
  String to;

  @Option(
      names = "--users",
      split = ",",
      paramLabel = "E",
      description = "Only these users (email, #ID or name), comma-separated.")
  List<String> users;

  @Option(names = "--dry-run", description = "Only say what would happen to each user.")
  boolean dryRun;

  @Override
  public void run() {
    Usher usher = root.usher();
    List<Long> ids =
        users == null ? List.of() : users.stream().map(r -> usher.users().find(r).id()).toList();
    MigrationService migrations = usher.migrations();
    if (dryRun) {
      print(migrations.preview(from, to, ids), true);
      return;
    }
    Migration m = migrations.start(from, to, ids);
    // Each user's line as it settles, so a long move shows its progress; --json waits for all.
    Set<Long> printed = new HashSet<>();
    Consumer<Migration> progress =
        now -> {
          if (!root.output().json()) {
            List<Move> settled =
                now.moves().stream()
                    .filter(x -> x.state().settled() && printed.add(x.userId()))
                    .toList();
            print(settled, false);
          }
        };
    progress.accept(m);
    m = drain(usher, m, progress);
    print(m.moves().stream().filter(x -> !printed.contains(x.userId())).toList(), false);
    if (!m.done()) {
      throw new UsherException(
          "The move goes on in the background (another Usher is doing it, or a step waits to be"
              + " retried): the window's Move users… or `usher jobs` shows how it ends.");
    }
    long notMoved = m.count(Move.State.NOT_MOVED) + m.count(Move.State.CANCELLED);
    if (notMoved > 0) {
      throw new UsherException(
          notMoved
              + (notMoved == 1
                  ? " user was not moved and stays on "
                  : " users were not moved and stay on ")
              + m.from()
              + "; see above.");
    }
  }

  /**
   * Does the move's steps here through the outbox (which also sends the welcomes they queue); when
   * a running window or serve holds the outbox, waits for it to do them instead.
   */
  private static Migration drain(Usher usher, Migration started, Consumer<Migration> progress) {
    Migration m = started;
    long settled = m.settled();
    long lastProgress = System.nanoTime();
    while (!m.done() && System.nanoTime() - lastProgress < PATIENCE_NANOS) {
      if (usher.outbox().runDue() == 0) {
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      m = usher.migrations().byId(m.id()).orElseThrow();
      progress.accept(m);
      if (m.settled() > settled) {
        settled = m.settled();
        lastProgress = System.nanoTime();
      }
    }
    return m;
  }

  private void print(List<Move> moves, boolean preview) {
    Output out = root.output();
    if (out.json()) {
      out.list(
          List.of(),
          List.of(),
          moves.stream()
              .map(
                  m -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", m.userId());
                    row.put("user", m.who());
                    row.put("state", state(m.state(), preview));
                    row.put("what", m.detail());
                    return row;
                  })
              .toList());
      return;
    }
    if (moves.isEmpty() && preview) {
      out.line("No one is on " + from + ": there is no one to move.");
    }
    for (Move m : moves) {
      out.line(state(m.state(), preview).replace('_', ' ') + ": " + m.who() + ", " + m.detail());
    }
  }

  private static String state(Move.State state, boolean preview) {
    return switch (state) {
      case WAITING -> preview ? "would move" : "waiting";
      case ON_TARGET -> "on_both";
      case MOVED -> "moved";
      case NOT_MOVED -> "not_moved";
      case CANCELLED -> "cancelled";
    };
  }
}

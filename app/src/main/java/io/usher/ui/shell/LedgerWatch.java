package io.usher.ui.shell;

import io.usher.application.queries.LedgerQueryService;
import io.usher.ui.kit.UiTasks;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the window current: every two seconds it asks the ledger whether anything changed (a
 * payment from the checkout, a command run beside the window, a job) and, when it did, the screen
 * on show loads again. One cheap question at a time, in the background.
 */
final class LedgerWatch {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerWatch.class);
  static final Duration EVERY = Duration.seconds(2);

  private final LedgerQueryService queries;
  private final UiTasks tasks;
  private final Runnable changed;
  private final Timeline timer;
  private boolean asking;
  private String last;

  /**
   * @param changed run on the FX thread when the ledger changed since the last look
   */
  LedgerWatch(LedgerQueryService queries, UiTasks tasks, Runnable changed) {
    this.queries = queries;
    this.tasks = tasks;
    this.changed = changed;
    this.timer = new Timeline(new KeyFrame(EVERY, e -> look()));
    timer.setCycleCount(Timeline.INDEFINITE);
  }

  void start() {
    timer.play();
  }

  void stop() {
    timer.stop();
  }

  /** Asks once; the first answer is only remembered. */
  void look() {
    if (asking) {
      return;
    }
    asking = true;
    tasks.run(
        queries::changeMark,
        mark -> {
          asking = false;
          boolean moved = last != null && !last.equals(mark);
          last = mark;
          if (moved) {
            changed.run();
          }
        },
        failure -> {
          asking = false;
          LOG.debug("Could not ask the ledger for changes: {}", failure.getMessage());
        });
  }
}

package io.usher.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A wait the owner can give up on; the background runs only when the test says so. */
class WaitingTest {
  final Deque<Runnable> background = new ArrayDeque<>();
  final Waiting waiting = new Waiting(new UiTasks(background::add, Runnable::run));
  final List<String> outcomes = new ArrayList<>();

  void ask(String what, String answer) {
    waiting.run(what, () -> answer, outcomes::add, e -> outcomes.add("failed: " + e.getMessage()));
  }

  @Test
  void theWaitSaysWhatItAwaitsUntilTheAnswerComes() {
    ask("Asking Stripe…", "Stripe accepts the key.");
    assertThat(waiting.text().get()).isEqualTo("Asking Stripe…");

    background.pop().run();

    assertThat(waiting.text().get()).isEmpty();
    assertThat(outcomes).containsExactly("Stripe accepts the key.");
  }

  @Test
  void aCancelledWaitDropsTheAnswerWhenItComesLate() {
    ask("Asking Stripe…", "Stripe accepts the key.");

    waiting.cancel();
    assertThat(waiting.text().get()).isEmpty();
    background.pop().run();

    assertThat(outcomes).isEmpty();
  }

  @Test
  void aNewWaitReplacesTheOneBeforeWhoseAnswerIsDropped() {
    ask("Asking Stripe…", "first");
    ask("Asking PayPal…", "second");

    background.pop().run();
    assertThat(waiting.text().get()).isEqualTo("Asking PayPal…");
    background.pop().run();

    assertThat(outcomes).containsExactly("second");
    assertThat(waiting.text().get()).isEmpty();
  }
}

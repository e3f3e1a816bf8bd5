package io.usher.ui.kit;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs application calls off the JavaFX thread and hands the outcome back on it, so no database or
 * network wait ever freezes the window. Tests pass inline executors and get the same code path,
 * deterministically.
 */
public final class UiTasks {
  private final Executor background;
  private final Executor fx;

  public UiTasks(Executor background, Executor fx) {
    this.background = background;
    this.fx = fx;
  }

  /** Hands a small update (progress) from background work to the JavaFX thread. */
  public void onFx(Runnable update) {
    fx.execute(update);
  }

  public <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    background.execute(
        () -> {
          T result;
          try {
            result = work.get();
          } catch (RuntimeException | Error e) {
            fx.execute(() -> onFailure.accept(e));
            return;
          }
          fx.execute(() -> onSuccess.accept(result));
        });
  }
}

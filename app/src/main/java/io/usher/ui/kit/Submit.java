package io.usher.ui.kit;

import java.util.function.Supplier;

/**
 * What a dialog's OK button does, in two steps: read the form on the JavaFX thread (which may
 * already refuse bad input), then the returned work runs in the background.
 */
@FunctionalInterface
public interface Submit<T> {
  Supplier<T> prepare();
}

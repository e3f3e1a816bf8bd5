package io.usher.ui.kit;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

/**
 * A wait on a service the owner can give up on (a key test, a test mail, a server's connection): a
 * spinner, what is awaited ("Asking Stripe…") and Cancel. Cancel stops the window waiting and drops
 * the answer when it comes; the call itself ends by its own timeout, since interrupting it could
 * close the ledger's file under H2. Starting another wait replaces the one before.
 */
public final class Waiting {
  private final UiTasks tasks;
  private final StringProperty text = new SimpleStringProperty("");
  private long current;

  public Waiting(UiTasks tasks) {
    this.tasks = tasks;
  }

  /**
   * Runs {@code work} in the background; its outcome is handed on unless the wait was cancelled.
   */
  public <T> void run(
      String what, Supplier<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    long mine = ++current;
    text.set(what);
    tasks.run(
        work,
        result -> {
          if (mine == current) {
            text.set("");
            onSuccess.accept(result);
          }
        },
        failure -> {
          if (mine == current) {
            text.set("");
            onFailure.accept(failure);
          }
        });
  }

  public void cancel() {
    current++;
    text.set("");
  }

  /** What is awaited; empty when nothing is. */
  public ReadOnlyStringProperty text() {
    return text;
  }

  /** The spinner, the text and Cancel, shown only while something is awaited. */
  public HBox node(String id) {
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(16, 16);
    spinner.setMaxSize(16, 16);
    Label what = new Label();
    what.textProperty().bind(text);
    what.getStyleClass().add(Styles.TEXT_MUTED);
    what.setWrapText(true);
    Hyperlink cancel = new Hyperlink("Cancel");
    cancel.setId(id + "-cancel");
    cancel.setOnAction(e -> cancel());
    HBox box = new HBox(8, spinner, what, cancel);
    box.setId(id);
    box.setAlignment(Pos.CENTER_LEFT);
    box.visibleProperty().bind(text.isNotEmpty());
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }
}

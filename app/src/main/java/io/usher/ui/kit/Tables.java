package io.usher.ui.kit;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Column builders, so each table reads as a list of what it shows. */
public final class Tables {
  private Tables() {}

  public static <S> TableColumn<S, String> text(
      String title, double width, Function<S, String> value) {
    TableColumn<S, String> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    column.setPrefWidth(width);
    return column;
  }

  public static <S, T extends Comparable<? super T>> TableColumn<S, T> sortable(
      String title, double width, Function<S, T> value, Function<T, String> display) {
    TableColumn<S, T> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    column.setCellFactory(
        c ->
            new javafx.scene.control.TableCell<>() {
              @Override
              protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : display.apply(item));
              }
            });
    column.setPrefWidth(width);
    return column;
  }
}

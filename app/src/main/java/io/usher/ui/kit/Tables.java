package io.usher.ui.kit;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Column builders, so each table reads as a list of what it shows. */
public final class Tables {
  private Tables() {}

  /** Runs {@code open} on the row the owner double-clicks (edit it, mostly). */
  public static <S> void onDoubleClick(
      javafx.scene.control.TableView<S> table, java.util.function.Consumer<S> open) {
    table.setRowFactory(
        t -> {
          javafx.scene.control.TableRow<S> row = new javafx.scene.control.TableRow<>();
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                  open.accept(row.getItem());
                }
              });
          return row;
        });
  }

  public static <S> TableColumn<S, String> text(
      String title, double width, Function<S, String> value) {
    TableColumn<S, String> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    // A cut-off value can still be read in full by hovering over it.
    column.setCellFactory(
        c ->
            new javafx.scene.control.TableCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                setText(blank ? null : item);
                setTooltip(blank ? null : new javafx.scene.control.Tooltip(item));
              }
            });
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

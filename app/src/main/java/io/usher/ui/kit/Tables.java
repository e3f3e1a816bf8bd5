package io.usher.ui.kit;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

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

  /**
   * The designed width is the least a column gets: a narrow window scrolls the table sideways
   * instead of cutting dates, amounts and names short. Extra room goes to the flexible last column.
   */
  public static void fixedAtLeast(TableColumn<?, ?> column, double width) {
    column.setPrefWidth(width);
    column.setMinWidth(width);
  }

  /**
   * The columns fill the table while their designed widths fit (the last one takes the rest); in a
   * narrower window they keep those widths and the table scrolls sideways, since a table that must
   * fit would cut every column short.
   */
  public static void fitOrScroll(TableView<?> table) {
    Runnable choose =
        () -> {
          double needed =
              table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getMinWidth).sum();
          // Room for the vertical scroll bar, so fitting never hides the last column's end.
          boolean fits = needed <= table.getWidth() - 18;
          table.setColumnResizePolicy(
              fits
                  ? TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN
                  : TableView.UNCONSTRAINED_RESIZE_POLICY);
        };
    table.widthProperty().addListener((o, was, now) -> choose.run());
    table
        .getVisibleLeafColumns()
        .addListener((ListChangeListener<TableColumn<?, ?>>) c -> choose.run());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
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
    fixedAtLeast(column, width);
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
    fixedAtLeast(column, width);
    return column;
  }
}

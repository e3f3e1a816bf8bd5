package io.usher.ui.discounts;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.usher.domain.discounts.Discount;
import io.usher.ui.discounts.DiscountsViewModel.Row;
import io.usher.ui.kit.Badge;
import io.usher.ui.kit.Banner;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Header;
import io.usher.ui.kit.Placeholder;
import io.usher.ui.kit.Screen;
import io.usher.ui.kit.Tables;
import io.usher.ui.kit.UiTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Discount codes customers type at the checkout: what each takes off, its limits, its uses. */
public final class DiscountsView implements Screen {
  private final DiscountsViewModel model;
  private final UiTasks tasks;
  private final Formats formats;
  private final VBox root = new VBox(14);
  private final TableView<Row> table = new TableView<>();

  public DiscountsView(DiscountsViewModel model, UiTasks tasks, Formats formats) {
    this.model = model;
    this.tasks = tasks;
    this.formats = formats;
    createView();
  }

  private void createView() {
    Button add = new Button("New code");
    add.setId("discounts-add");
    add.getStyleClass().add(Styles.ACCENT);
    add.setOnAction(e -> openDialog(null));
    Button edit = new Button("Edit");
    edit.setId("discounts-edit");
    edit.setOnAction(e -> openDialog(selected()));
    Button toggle = new Button("Switch off");
    toggle.setId("discounts-toggle");
    toggle.setOnAction(e -> model.setEnabled(selected(), !selected().spec().enabled()));
    Button remove = new Button("Remove");
    remove.setId("discounts-remove");
    remove.getStyleClass().add(Styles.DANGER);
    remove.setOnAction(e -> model.remove(selected()));
    edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    toggle.disableProperty().bind(edit.disableProperty());
    remove.disableProperty().bind(edit.disableProperty());
    toggle
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  Row r = table.getSelectionModel().getSelectedItem();
                  return r != null && !r.discount().spec().enabled() ? "Switch on" : "Switch off";
                },
                table.getSelectionModel().selectedItemProperty()));

    table.setItems(model.rows());
    table.setId("discounts-table");
    table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
    Tables.fitOrScroll(table);
    TableColumn<Row, Row> status = new TableColumn<>("Status");
    status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    status.setCellFactory(c -> new StatusCell());
    status.setSortable(false);
    Tables.fixedAtLeast(status, 120);
    table
        .getColumns()
        .setAll(
            Tables.text("Code", 160, r -> r.discount().code()),
            Tables.text("Takes off", 120, r -> r.discount().spec().describe()),
            Tables.text(
                "Expires",
                130,
                r ->
                    r.discount().spec().expires() == null
                        ? "Never"
                        : formats.date(r.discount().spec().expires())),
            Tables.text("Used", 90, DiscountsView::uses),
            Tables.text(
                "Only for",
                200,
                r ->
                    r.discount().spec().onlyEmail() == null
                        ? "Anyone"
                        : r.discount().spec().onlyEmail()),
            status);
    table.setPlaceholder(
        Placeholder.of(
            "No discount codes yet",
            "A code takes a percentage or an amount off at the checkout. Each customer can use a"
                + " code once; you can limit how often it is used in all, until when, or to one"
                + " customer."));
    Tables.onDoubleClick(table, r -> openDialog(r.discount()));
    VBox.setVgrow(table, Priority.ALWAYS);

    root.getChildren()
        .setAll(
            Header.of(
                "Discounts",
                "Codes customers type at the checkout page.",
                remove,
                toggle,
                edit,
                add),
            Banner.error(model.error()),
            table);
    root.setPadding(new Insets(24));
  }

  private static String uses(Row r) {
    Integer max = r.discount().spec().maxUses();
    return max == null ? Integer.toString(r.discount().uses()) : r.discount().uses() + " of " + max;
  }

  private Discount selected() {
    Row r = table.getSelectionModel().getSelectedItem();
    return r == null ? null : r.discount();
  }

  private void openDialog(Discount existing) {
    new DiscountDialog(
            root.getScene().getWindow(),
            tasks,
            formats,
            model.currency(),
            existing,
            form -> model.save(existing == null ? null : existing.id(), form))
        .showAndWait()
        .ifPresent(saved -> model.load());
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void refresh() {
    model.load();
  }

  private static final class StatusCell extends TableCell<Row, Row> {
    @Override
    protected void updateItem(Row row, boolean empty) {
      super.updateItem(row, empty);
      setText(null);
      setGraphic(
          empty || row == null
              ? null
              : Badge.of(
                  capitalized(row.status().label()),
                  row.status() == Discount.Status.ACTIVE ? "success" : "neutral"));
    }

    private static String capitalized(String s) {
      return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }
}

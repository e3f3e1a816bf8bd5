package io.usher.ui.plans;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanSpec;
import io.usher.ui.kit.Badge;
import io.usher.ui.kit.Banner;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Header;
import io.usher.ui.kit.Placeholder;
import io.usher.ui.kit.Screen;
import io.usher.ui.kit.Tables;
import io.usher.ui.kit.UiTasks;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The plans customers can be on: price, length, what they grant and their limits. */
public final class PlansView implements Screen {
  private final PlansViewModel model;
  private final UiTasks tasks;
  private final VBox root = new VBox(14);
  private final TableView<Plan> table = new TableView<>();

  public PlansView(PlansViewModel model, UiTasks tasks) {
    this.model = model;
    this.tasks = tasks;
    createView();
  }

  private void createView() {
    Button add = new Button("New plan");
    add.setId("plans-add");
    add.getStyleClass().add(Styles.ACCENT);
    add.setOnAction(e -> openDialog(null));
    Button edit = new Button("Edit");
    edit.setId("plans-edit");
    edit.setOnAction(e -> openDialog(table.getSelectionModel().getSelectedItem()));
    Button hide = new Button("Hide");
    hide.setId("plans-hide");
    hide.setOnAction(
        e -> {
          Plan plan = table.getSelectionModel().getSelectedItem();
          model.setHidden(plan, !plan.spec().hidden());
        });
    edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    hide.disableProperty().bind(edit.disableProperty());
    hide.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  Plan p = table.getSelectionModel().getSelectedItem();
                  return p != null && p.spec().hidden() ? "Show at checkout" : "Hide";
                },
                table.getSelectionModel().selectedItemProperty()));

    table.setItems(model.plans());
    table.setId("plans-table");
    table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
    Tables.fitOrScroll(table);
    TableColumn<Plan, Plan> flags = new TableColumn<>("");
    flags.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    flags.setCellFactory(c -> new FlagsCell());
    flags.setSortable(false);
    Tables.fixedAtLeast(flags, 220);
    table
        .getColumns()
        .setAll(
            Tables.text("Name", 240, Plan::name),
            Tables.text("Price", 110, p -> Formats.money(p.price())),
            Tables.text("Lasts", 100, p -> p.duration().toString()),
            Tables.text("Library groups", 170, p -> String.join(", ", p.spec().groups())),
            Tables.text("Streams", 90, p -> Integer.toString(p.spec().maxStreams())),
            Tables.text("Transcoding", 120, p -> p.spec().transcode() ? "Allowed" : "Direct only"),
            flags);
    table.setPlaceholder(
        Placeholder.of(
            "No plans yet",
            "A plan says what a customer pays, for how long, and which libraries it opens. The"
                + " first plan you create becomes the default that imported users land on."));
    Tables.onDoubleClick(table, this::openDialog);
    VBox.setVgrow(table, Priority.ALWAYS);

    Label error = Banner.error(model.error());

    root.getChildren()
        .setAll(
            Header.of(
                "Plans",
                "What customers can buy: price, length, libraries and limits.",
                hide,
                edit,
                add),
            error,
            table);
    root.setPadding(new Insets(24));
  }

  private void openDialog(Plan existing) {
    model.withGroups(
        groups ->
            new PlanDialog(
                    root.getScene().getWindow(),
                    tasks,
                    groups,
                    existing,
                    form -> model.save(existing == null ? null : existing.id(), form))
                .showAndWait()
                .ifPresent(saved -> model.load()));
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void refresh() {
    model.load();
  }

  /** Default, trial, hidden and recurring at a glance. */
  private static final class FlagsCell extends TableCell<Plan, Plan> {
    FlagsCell() {
      setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(Plan plan, boolean empty) {
      super.updateItem(plan, empty);
      setText(null);
      if (empty || plan == null) {
        setGraphic(null);
        return;
      }
      PlanSpec s = plan.spec();
      List<Label> tags = new ArrayList<>();
      if (s.isDefault()) {
        tags.add(Badge.of("Default", "accent"));
      }
      if (s.trial()) {
        tags.add(Badge.of("Trial", "warning"));
      }
      if (s.recurring()) {
        tags.add(Badge.of("Recurring", "neutral"));
      }
      if (s.hidden()) {
        tags.add(Badge.of("Hidden", "neutral"));
      }
      HBox box = new HBox(6, tags.toArray(Label[]::new));
      box.setAlignment(Pos.CENTER_LEFT);
      setGraphic(box);
    }
  }
}

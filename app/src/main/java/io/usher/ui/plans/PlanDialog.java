package io.usher.ui.plans;

import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanForm;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.UiTasks;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/** Create or edit a plan; each field's problem is shown beside it. */
final class PlanDialog {
  private final TextField name = field("plan-name", "e.g. Monthly", 260);
  private final TextField price = field("plan-price", "12.50", 110);
  private final TextField currency = field("plan-currency", "USD", 70);
  private final TextField duration = field("plan-duration", "1", 70);
  private final ComboBox<PlanDuration.Unit> unit = new ComboBox<>();
  private final FlowPane groups = new FlowPane(12, 6);
  private final TextField streams = field("plan-streams", "2", 70);
  private final TextField devices = field("plan-devices", "No limit", 110);
  private final TextField subs = field("plan-subs", "0", 70);
  private final TextField stripePrice =
      field("plan-stripe-price", "price_… (makes it recurring)", 260);
  private final TextField paypalPlan = field("plan-paypal-plan", "P-… (PayPal renews it)", 260);
  private final CheckBox downloads = check("plan-downloads", "Downloads allowed");
  private final CheckBox transcode = check("plan-transcode", "Video transcoding allowed");
  private final CheckBox trial = check("plan-trial", "Trial plan");
  private final CheckBox isDefault =
      check("plan-default", "Default plan (imported users land on it)");
  private final CheckBox hidden = check("plan-hidden", "Hidden from the checkout page");
  private final FormDialog<Plan> dialog;

  PlanDialog(
      Window owner,
      UiTasks tasks,
      List<String> groupNames,
      Plan existing,
      Function<PlanForm, Supplier<Plan>> save) {
    unit.setId("plan-unit");
    unit.getItems().setAll(PlanDuration.Unit.values());
    unit.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(PlanDuration.Unit u) {
            return u == null ? "" : u == PlanDuration.Unit.DAYS ? "days" : "months";
          }

          @Override
          public PlanDuration.Unit fromString(String s) {
            return PlanDuration.Unit.valueOf(s.toUpperCase(java.util.Locale.ROOT));
          }
        });
    unit.setValue(PlanDuration.Unit.MONTHS);
    for (String group : groupNames) {
      if (!group.equalsIgnoreCase("Private")) {
        CheckBox box = check("plan-group-" + group, group);
        box.setUserData(group);
        groups.getChildren().add(box);
      }
    }
    PlanForm initial = existing == null ? null : PlanForm.of(existing.spec());
    if (initial != null) {
      name.setText(initial.name());
      price.setText(initial.price());
      currency.setText(initial.currency());
      duration.setText(initial.duration());
      unit.setValue(initial.unit());
      List<String> chosen = PlanForm.splitGroups(initial.groups());
      groupBoxes().forEach(b -> b.setSelected(chosen.contains((String) b.getUserData())));
      streams.setText(initial.streams());
      devices.setText(initial.devices());
      subs.setText(initial.subs());
      stripePrice.setText(initial.stripePriceId());
      paypalPlan.setText(initial.paypalPlanId());
      downloads.setSelected(initial.downloads());
      transcode.setSelected(initial.transcode());
      trial.setSelected(initial.trial());
      isDefault.setSelected(initial.isDefault());
      hidden.setSelected(initial.hidden());
    } else {
      currency.setText("USD");
      duration.setText("1");
      streams.setText("2");
      transcode.setSelected(true);
      groupBoxes()
          .filter(b -> "Standard".equals(b.getUserData()))
          .forEach(b -> b.setSelected(true));
    }
    HBox priceRow = new HBox(8, price, currency);
    HBox durationRow = new HBox(8, duration, unit);
    priceRow.setAlignment(Pos.CENTER_LEFT);
    durationRow.setAlignment(Pos.CENTER_LEFT);
    Form form =
        new Form()
            .field("name", "Name", name)
            .field("price", "Price", priceRow)
            .field("duration", "Lasts", durationRow)
            .field("groups", "Library groups", groups, "What the plan shares on each server.")
            .field("streams", "Streams at once", streams)
            .field("devices", "Emby devices", devices)
            .field("subs", "Linked sub-accounts", subs)
            .field("stripePrice", "Stripe price id", stripePrice)
            .field("paypalPlan", "PayPal plan id", paypalPlan)
            .field("options", "Options", options())
            .alsoShows("price", "currency");
    dialog =
        new FormDialog<>(
            owner,
            existing == null ? "New plan" : "Edit plan " + existing.name(),
            existing == null ? "Create plan" : "Save",
            form,
            tasks,
            () -> save.apply(form()));
  }

  private javafx.scene.layout.VBox options() {
    return new javafx.scene.layout.VBox(6, downloads, transcode, trial, isDefault, hidden);
  }

  Optional<Plan> showAndWait() {
    return dialog.showAndWait();
  }

  private PlanForm form() {
    String chosen =
        groupBoxes()
            .filter(CheckBox::isSelected)
            .map(b -> (String) b.getUserData())
            .collect(Collectors.joining(","));
    return new PlanForm(
        name.getText(),
        price.getText(),
        currency.getText(),
        duration.getText(),
        unit.getValue(),
        chosen,
        streams.getText(),
        downloads.isSelected(),
        transcode.isSelected(),
        devices.getText(),
        trial.isSelected(),
        isDefault.isSelected(),
        hidden.isSelected(),
        subs.getText(),
        stripePrice.getText(),
        paypalPlan.getText());
  }

  private java.util.stream.Stream<CheckBox> groupBoxes() {
    return groups.getChildren().stream().map(CheckBox.class::cast);
  }

  private static TextField field(String id, String prompt, double width) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    f.setPrefWidth(width);
    f.setMaxWidth(width);
    return f;
  }

  private static CheckBox check(String id, String text) {
    CheckBox box = new CheckBox(text);
    box.setId(id);
    return box;
  }
}

package io.usher.ui.discounts;

import io.usher.domain.discounts.Discount;
import io.usher.domain.discounts.DiscountForm;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/** Create or edit a discount code; each field's problem is shown beside it. */
final class DiscountDialog {
  private final TextField code = field("discount-code", "e.g. SPRING20", 220);
  private final RadioButton percent = new RadioButton("Percent off");
  private final RadioButton amount = new RadioButton("Amount off");
  private final TextField value = field("discount-value", "20", 100);
  private final TextField currency = field("discount-currency", "USD", 70);
  private final DatePicker expires = new DatePicker();
  private final TextField maxUses = field("discount-max-uses", "No limit", 110);
  private final TextField onlyEmail = field("discount-email", "Anyone", 260);
  private final CheckBox enabled = new CheckBox("Customers can use it");
  private final Formats formats;
  private final FormDialog<Discount> dialog;

  DiscountDialog(
      Window owner,
      UiTasks tasks,
      Formats formats,
      String defaultCurrency,
      Discount existing,
      Function<DiscountForm, Supplier<Discount>> save) {
    this.formats = formats;
    ToggleGroup kind = new ToggleGroup();
    percent.setToggleGroup(kind);
    amount.setToggleGroup(kind);
    percent.setId("discount-percent");
    amount.setId("discount-amount");
    enabled.setId("discount-enabled");
    expires.setId("discount-expires");
    expires.setConverter(formats.dateConverter());
    expires.setPromptText("Never");
    expires.setPrefWidth(160);
    currency.visibleProperty().bind(amount.selectedProperty());
    currency.managedProperty().bind(amount.selectedProperty());
    if (existing == null) {
      percent.setSelected(true);
      currency.setText(defaultCurrency);
      enabled.setSelected(true);
    } else {
      DiscountForm f = DiscountForm.of(existing.spec());
      code.setText(f.code());
      (f.kind() == DiscountForm.Kind.PERCENT ? percent : amount).setSelected(true);
      value.setText(f.value());
      currency.setText(f.currency().isEmpty() ? defaultCurrency : f.currency());
      expires.setValue(formats.localDate(f.expires()));
      maxUses.setText(f.maxUses());
      onlyEmail.setText(f.onlyEmail());
      enabled.setSelected(f.enabled());
    }
    HBox kinds = new HBox(16, percent, amount);
    HBox valueRow = new HBox(8, value, currency);
    valueRow.setAlignment(Pos.CENTER_LEFT);
    Form form =
        new Form()
            .field("code", "Code", code, "What customers type, in any case.")
            .field("kind", "Takes off", kinds)
            .field("value", "Value", valueRow)
            .field("expires", "Expires", expires, "It stops working at the start of this day.")
            .field("maxUses", "Uses in all", maxUses)
            .field("onlyEmail", "Only for", onlyEmail, "One customer's email, or empty for anyone.")
            .field("enabled", "", enabled)
            .alsoShows("value", "currency");
    dialog =
        new FormDialog<>(
            owner,
            existing == null ? "New discount code" : "Edit discount code " + existing.code(),
            existing == null ? "Create code" : "Save",
            form,
            tasks,
            () -> save.apply(form()));
  }

  Optional<Discount> showAndWait() {
    return dialog.showAndWait();
  }

  private DiscountForm form() {
    return new DiscountForm(
        code.getText(),
        amount.isSelected() ? DiscountForm.Kind.AMOUNT : DiscountForm.Kind.PERCENT,
        value.getText(),
        currency.getText(),
        formats.startOf(expires.getValue()),
        maxUses.getText(),
        onlyEmail.getText(),
        enabled.isSelected());
  }

  private static TextField field(String id, String prompt, double width) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    f.setPrefWidth(width);
    f.setMaxWidth(width);
    return f;
  }
}

package io.usher.ui.kit;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;

/**
 * A one-sentence line above a screen's content that is there only while it has something to say.
 */
public final class Banner {
  private Banner() {}

  public static Label error(StringProperty text) {
    return of(text, Styles.DANGER);
  }

  public static Label notice(StringProperty text) {
    return of(text, Styles.SUCCESS);
  }

  private static Label of(StringProperty text, String style) {
    Label label = new Label();
    label.setWrapText(true);
    label.getStyleClass().add(style);
    label.textProperty().bind(text);
    label.visibleProperty().bind(Bindings.isNotEmpty(text));
    label.managedProperty().bind(label.visibleProperty());
    return label;
  }
}

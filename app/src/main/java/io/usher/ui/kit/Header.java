package io.usher.ui.kit;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A screen's title line: name and a one-line explanation on the left, its actions on the right. */
public final class Header {
  private Header() {}

  public static HBox of(String title, String subtitle, Node... actions) {
    Label heading = new Label(title);
    heading.getStyleClass().add(Styles.TITLE_2);
    Label sub = new Label(subtitle);
    sub.getStyleClass().add(Styles.TEXT_MUTED);
    HBox box = new HBox(10, new VBox(2, heading, sub), new Spacer());
    box.getChildren().addAll(actions);
    box.setAlignment(Pos.CENTER_LEFT);
    box.getStyleClass().add("screen-header");
    return box;
  }
}

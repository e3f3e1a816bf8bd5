package io.usher.ui.kit;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A screen's title line: name and a one-line explanation on the left, its actions on the right. */
public final class Header {
  private Header() {}

  public static HBox of(String title, String subtitle, Node... actions) {
    Label heading = new Label(title);
    heading.getStyleClass().add(Styles.TITLE_2);
    heading.setMinWidth(Region.USE_PREF_SIZE);
    Label sub = new Label(subtitle);
    sub.getStyleClass().add(Styles.TEXT_MUTED);
    // In a narrow window the explanation wraps onto more lines; the actions keep their words.
    sub.setWrapText(true);
    sub.setMinHeight(Region.USE_PREF_SIZE);
    VBox words = new VBox(2, heading, sub);
    words.setMinWidth(160);
    HBox.setHgrow(words, Priority.ALWAYS);
    HBox box = new HBox(10, words, new Spacer());
    for (Node action : actions) {
      if (action instanceof Region r) {
        r.setMinWidth(Region.USE_PREF_SIZE);
      }
      box.getChildren().add(action);
    }
    box.setAlignment(Pos.CENTER_LEFT);
    box.getStyleClass().add("screen-header");
    return box;
  }
}

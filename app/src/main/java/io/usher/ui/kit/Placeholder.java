package io.usher.ui.kit;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What an empty table or a screen still to come shows: a title and a sentence on what to do. */
public final class Placeholder {
  private Placeholder() {}

  public static VBox of(String title, String text, Node... actions) {
    Label heading = new Label(title);
    heading.getStyleClass().add(Styles.TITLE_3);
    Label body = new Label(text);
    body.getStyleClass().add(Styles.TEXT_MUTED);
    body.setWrapText(true);
    body.setMaxWidth(520);
    body.setStyle("-fx-text-alignment: center;");
    // A short sentence sits in the middle of the room it may take, not at its left edge.
    body.setAlignment(Pos.CENTER);
    VBox box = new VBox(10, heading, body);
    box.getChildren().addAll(actions);
    box.setAlignment(Pos.CENTER);
    box.getStyleClass().add("placeholder");
    return box;
  }
}

package io.usher.ui.kit;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A screen's title line: name and a one-line explanation on the left, its actions on the right.
 * When the window is too narrow for every action (a large system font, a long translation), the
 * buttons fold into a "More" menu, the leftmost first; the last action, the screen's main one,
 * always stays in sight.
 */
public final class Header {
  /** The least room the title and its explanation keep before actions fold away. */
  private static final double WORDS_MIN = 160;

  private static final double GAP = 10;

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
    words.setMinWidth(WORDS_MIN);
    HBox.setHgrow(words, Priority.ALWAYS);
    MenuButton more = new MenuButton("More");
    more.setId("header-more");
    more.setMinWidth(Region.USE_PREF_SIZE);
    hide(more, true);
    HBox box = new HBox(GAP, words, new Spacer(), more);
    List<Region> foldable = new ArrayList<>();
    for (int i = 0; i < actions.length; i++) {
      Node action = actions[i];
      if (action instanceof Region r) {
        r.setMinWidth(Region.USE_PREF_SIZE);
        if (i < actions.length - 1 && (action instanceof Button || action instanceof MenuButton)) {
          foldable.add(r);
        }
      }
      box.getChildren().add(action);
    }
    box.setAlignment(Pos.CENTER_LEFT);
    box.getStyleClass().add("screen-header");
    if (!foldable.isEmpty()) {
      // Given less room than every action needs, the header folds them rather than widening the
      // screen past the window.
      box.setMinWidth(WORDS_MIN);
      box.widthProperty().addListener((o, was, now) -> fold(box, actions, foldable, more));
    }
    return box;
  }

  /** Shows as many actions as the width allows and puts the others, in order, under More. */
  private static void fold(HBox box, Node[] actions, List<Region> foldable, MenuButton more) {
    // The spacer between the words and the actions takes one more gap.
    double room =
        box.getWidth() - box.snappedLeftInset() - box.snappedRightInset() - WORDS_MIN - GAP;
    double needed = 0;
    for (Node action : actions) {
      needed += action.prefWidth(-1) + GAP;
    }
    int folded = 0;
    double moreWidth = more.prefWidth(-1) + GAP;
    while (folded < foldable.size() && needed > room) {
      if (folded == 0) {
        needed += moreWidth;
      }
      needed -= foldable.get(folded).prefWidth(-1) + GAP;
      folded++;
    }
    List<MenuItem> items = new ArrayList<>();
    for (int i = 0; i < foldable.size(); i++) {
      boolean away = i < folded;
      Region action = foldable.get(i);
      hide(action, away);
      if (away) {
        if (!items.isEmpty() && action instanceof MenuButton) {
          items.add(new SeparatorMenuItem());
        }
        items.add(twin(action));
      }
    }
    more.getItems().setAll(items);
    hide(more, folded == 0);
  }

  /** A menu entry doing what the folded action does. */
  private static MenuItem twin(Region action) {
    if (action instanceof MenuButton menu) {
      Menu twin = new Menu(menu.getText());
      for (MenuItem item : menu.getItems()) {
        MenuItem copy = new MenuItem(item.getText());
        copy.setOnAction(e -> item.fire());
        copy.disableProperty().bind(item.disableProperty());
        twin.getItems().add(copy);
      }
      twin.disableProperty().bind(menu.disableProperty());
      return twin;
    }
    Button button = (Button) action;
    MenuItem twin = new MenuItem(button.getText());
    twin.setId(button.getId() == null ? null : button.getId() + "-more");
    twin.setOnAction(e -> button.fire());
    twin.disableProperty().bind(button.disableProperty());
    return twin;
  }

  private static void hide(Node node, boolean hidden) {
    node.setVisible(!hidden);
    node.setManaged(!hidden);
  }
}

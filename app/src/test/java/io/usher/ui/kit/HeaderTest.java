package io.usher.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A screen's actions fold into More when the window is narrow and come back when it widens. */
@ExtendWith(ApplicationExtension.class)
class HeaderTest {
  final List<String> clicked = new ArrayList<>();
  Stage stage;
  HBox header;
  Button export;
  Button add;
  Button invite;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    export = button("Export users");
    add = button("Add user");
    invite = button("Invite user");
    header =
        Header.of(
            "Users",
            "Your customers, their plan and until when they may watch.",
            export,
            add,
            invite);
    // TestFX hands every test the same stage; a window test before may have left a minimum.
    stage.setMinWidth(0);
    stage.setMinHeight(0);
    stage.setScene(new Scene(new StackPane(header), 1200, 120));
    stage.show();
  }

  /** The new width, laid out at once rather than at the next pulse. */
  void resize(FxRobot robot, double width) {
    robot.interact(
        () -> {
          stage.setWidth(width);
          stage.getScene().getRoot().resize(width, stage.getScene().getHeight());
          stage.getScene().getRoot().layout();
        });
  }

  Button button(String text) {
    Button b = new Button(text);
    b.setOnAction(e -> clicked.add(text));
    return b;
  }

  @Test
  void everyActionShowsWhenThereIsRoom(FxRobot robot) {
    assertThat(export.isVisible()).isTrue();
    assertThat(add.isVisible()).isTrue();
    assertThat(robot.lookup("#header-more").query().isVisible()).isFalse();
  }

  @Test
  void aNarrowWindowFoldsTheLeftmostActionsIntoMoreButKeepsTheMainOne(FxRobot robot) {
    resize(robot, 420);

    MenuButton more = robot.lookup("#header-more").queryAs(MenuButton.class);
    assertThat(more.isVisible()).isTrue();
    assertThat(export.isVisible()).isFalse();
    assertThat(invite.isVisible()).as("the main action stays").isTrue();
    assertThat(more.getItems()).extracting(MenuItem::getText).startsWith("Export users");
    robot.interact(() -> more.getItems().getFirst().fire());
    assertThat(clicked).containsExactly("Export users");

    resize(robot, 1200);
    assertThat(export.isVisible()).isTrue();
    assertThat(more.isVisible()).isFalse();
  }
}

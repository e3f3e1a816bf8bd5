package io.usher.ui.discord;

import io.usher.application.notify.DiscordService;
import io.usher.application.settings.SettingsService;
import io.usher.ui.kit.Header;
import io.usher.ui.kit.Screen;
import io.usher.ui.kit.UiTasks;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/** The Discord bot's settings and test, as a screen of the main window. */
public final class DiscordScreen implements Screen {
  private final DiscordViewModel model;
  private final VBox root = new VBox(14);

  public DiscordScreen(DiscordService discord, SettingsService settings, UiTasks tasks) {
    this.model = new DiscordViewModel(discord, settings, tasks);
    root.getChildren()
        .setAll(
            Header.of(
                "Discord",
                "Direct messages from your templates, and subscriber and trial roles kept in line."),
            new DiscordPane(model).node());
    root.setPadding(new Insets(24));
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void refresh() {
    model.load();
  }
}

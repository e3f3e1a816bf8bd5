package io.usher.ui.servers;

import io.usher.ui.kit.Header;
import io.usher.ui.kit.Placeholder;
import io.usher.ui.kit.Screen;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Media servers are not connected yet: this screen says what is coming and what works today. */
public final class ServersView implements Screen {
  private final VBox root = new VBox(14);

  public ServersView() {
    VBox placeholder =
        Placeholder.of(
            "Connecting servers comes next",
            "Here you will add a Plex account by token (and pick its servers) or a Jellyfin or"
                + " Emby server by address and API key, test the connection, import libraries and"
                + " sort them into library groups. Until then, plans, users and payments work on"
                + " their own: the ledger is ready for the servers.");
    placeholder.setId("servers-placeholder");
    VBox.setVgrow(placeholder, Priority.ALWAYS);
    root.getChildren()
        .setAll(
            Header.of("Servers & Libraries", "The Plex, Jellyfin and Emby servers you sell."),
            placeholder);
    root.setPadding(new Insets(24));
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void refresh() {
    // Nothing is loaded until media servers can be connected.
  }
}

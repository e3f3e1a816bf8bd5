package io.usher.ui.servers;

import io.usher.domain.media.ServerKind;
import io.usher.domain.servers.Server;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.UiTasks;
import java.util.Optional;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Link a Jellyfin or Emby server by its address and an API key. */
public final class AddServerDialog {
  private final FormDialog<Server> dialog;

  public AddServerDialog(Window owner, UiTasks tasks, ServersViewModel model, ServerKind kind) {
    TextField name = new TextField();
    name.setId("server-name");
    name.setPromptText("e.g. Den");
    TextField url = new TextField();
    url.setId("server-url");
    url.setPromptText("http://192.168.1.20:8096");
    PasswordField key = new PasswordField();
    key.setId("server-key");
    key.setPromptText("Dashboard → API Keys → +");
    Form form =
        new Form()
            .field("name", "Name in Usher", name)
            .field(
                "url",
                "Address",
                url,
                "The address you open in a browser"
                    + (kind == ServerKind.EMBY ? "; Usher adds /emby itself." : "."))
            .field("credential", "API key", key, "Usher tests it and imports the libraries.");
    dialog =
        new FormDialog<>(
            owner,
            "Add " + (kind == ServerKind.EMBY ? "an Emby" : "a Jellyfin") + " server",
            "Link server",
            form,
            tasks,
            () -> model.addMediaBrowser(kind, name.getText(), url.getText(), key.getText()));
  }

  public Optional<Server> showAndWait() {
    return dialog.showAndWait();
  }
}

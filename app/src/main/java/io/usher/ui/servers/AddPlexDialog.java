package io.usher.ui.servers;

import atlantafx.base.theme.Styles;
import io.usher.domain.common.ValidationException;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.servers.Server;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.UiTasks;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Link a Plex server: paste the owner's token, Usher asks plex.tv which servers it owns, the owner
 * picks one. The server is stored only after its connection test and library import pass.
 */
final class AddPlexDialog {
  private final PasswordField token = new PasswordField();
  private final TextField proxy = new TextField();
  private final ComboBox<PlexServerChoice> server = new ComboBox<>();
  private final TextField name = new TextField();
  private final TextField url = new TextField();
  private final FormDialog<Server> dialog;

  AddPlexDialog(Window owner, UiTasks tasks, ServersViewModel model) {
    token.setId("plex-token");
    token.setPromptText("The server owner's X-Plex-Token");
    proxy.setId("plex-proxy");
    proxy.setPromptText("Optional, e.g. http://10.0.0.2:3128");
    server.setId("plex-server");
    server.setPromptText("Find the token's servers first");
    server.setMaxWidth(Double.MAX_VALUE);
    server.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(PlexServerChoice c) {
            return c == null ? "" : c.name() + "  ·  " + (c.url() == null ? "no address" : c.url());
          }

          @Override
          public PlexServerChoice fromString(String s) {
            return null;
          }
        });
    server
        .valueProperty()
        .addListener(
            (o, was, c) -> {
              if (c != null) {
                name.setText(c.name());
                url.setText(c.url() == null ? "" : c.url());
              }
            });
    name.setId("plex-name");
    url.setId("plex-url");
    url.setPromptText("http://192.168.1.20:32400");
    Form form = new Form();
    Button find = new Button("Find servers");
    find.setId("plex-find");
    find.getStyleClass().add(Styles.ACCENT);
    find.setOnAction(
        e -> {
          form.clearErrors();
          find.setDisable(true);
          model.plexServers(
              token.getText(),
              proxy.getText(),
              found -> {
                find.setDisable(false);
                server.getItems().setAll(found);
                if (found.isEmpty()) {
                  form.showErrors(
                      java.util.List.of(
                          new io.usher.domain.common.FieldError(
                              "server",
                              "This token owns no Plex Media Server: use the owner's token.")));
                } else {
                  server.setValue(found.getFirst());
                }
              },
              failure -> {
                find.setDisable(false);
                if (failure instanceof ValidationException v) {
                  form.showErrors(v.errors());
                } else {
                  form.showGeneral(Errors.sentence(failure));
                }
              });
        });
    HBox tokenRow = new HBox(8, token, find);
    tokenRow.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(token, Priority.ALWAYS);
    form.field(
            "credential",
            "Plex token",
            tokenRow,
            "Sign in to Plex Web as the owner, open any item's XML and copy X-Plex-Token.")
        .field("proxy", "Proxy", proxy, "Only if plex.tv must be reached through an HTTP proxy.")
        .field("server", "Server", server)
        .field("name", "Name in Usher", name)
        .field(
            "url", "Address", url, "How Usher reaches the server; plex.tv's address by default.");
    dialog =
        new FormDialog<>(
            owner,
            "Add a Plex server",
            "Link server",
            form,
            tasks,
            () -> {
              PlexServerChoice choice = server.getValue();
              if (choice == null) {
                throw ValidationException.of("server", "Find the token's servers and pick one.");
              }
              return model.addPlex(
                  token.getText(), choice, name.getText(), url.getText(), proxy.getText());
            });
  }

  Optional<Server> showAndWait() {
    return dialog.showAndWait();
  }
}

package io.usher.ui.servers;

import atlantafx.base.theme.Styles;
import io.usher.domain.common.FieldError;
import io.usher.domain.common.ValidationException;
import io.usher.domain.media.PlexPin;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.servers.Server;
import io.usher.ui.kit.Browser;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.UiTasks;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Link a Plex server: "Sign in with Plex" opens plex.tv in the browser and waits for the owner's
 * token (the PIN flow), then lists the servers the account owns to pick one. Pasting a token stays
 * as the advanced path. The server is stored only after its connection test and library import
 * pass.
 */
public final class AddPlexDialog {
  private final PasswordField token = new PasswordField();
  private final TextField proxy = new TextField();
  private final ComboBox<PlexServerChoice> server = new ComboBox<>();
  private final TextField name = new TextField();
  private final TextField url = new TextField();
  private final Button signIn = new Button("Sign in with Plex");
  private final ProgressIndicator waiting = new ProgressIndicator();
  private static final String IDLE =
      "Opens plex.tv in your browser: sign in as the owner of the server.";
  private final Label status = new Label();
  private final Hyperlink cancel = new Hyperlink("Cancel");
  private final Hyperlink copy = new Hyperlink("Copy the sign-in link");
  private final Form form = new Form();
  private final ServersViewModel model;
  private final Browser browser;
  private final FormDialog<Server> dialog;

  /** The token the sign-in brought; the pasted one is used while this is null. */
  private String signedIn;

  private AtomicBoolean cancelled = new AtomicBoolean();

  public AddPlexDialog(Window owner, UiTasks tasks, ServersViewModel model, Browser browser) {
    this.model = model;
    this.browser = browser;
    signIn.setId("plex-sign-in");
    signIn.getStyleClass().add(Styles.ACCENT);
    signIn.setOnAction(e -> startSignIn());
    waiting.setId("plex-sign-in-waiting");
    waiting.setPrefSize(18, 18);
    status.setId("plex-sign-in-status");
    status.setWrapText(true);
    status.setMaxWidth(420);
    // A wrapped line is given the height of all its lines rather than cut with an ellipsis.
    status.setMinHeight(Region.USE_PREF_SIZE);
    status.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    status.setText(IDLE);
    cancel.setId("plex-sign-in-cancel");
    cancel.setOnAction(e -> cancelSignIn("Sign-in cancelled. " + IDLE));
    copy.setId("plex-sign-in-copy");
    waiting(false);
    HBox signInRow = new HBox(10, signIn, waiting, cancel);
    signInRow.setAlignment(Pos.CENTER_LEFT);
    VBox account = new VBox(4, signInRow, status, copy);

    token.setId("plex-token");
    token.setPromptText("The server owner's X-Plex-Token");
    proxy.setId("plex-proxy");
    proxy.setPromptText("Optional, e.g. http://10.0.0.2:3128");
    server.setId("plex-server");
    server.setPromptText("Sign in to list your servers");
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
    Button find = new Button("Find servers");
    find.setId("plex-find");
    find.setOnAction(
        e -> {
          form.clearErrors();
          signedIn = null;
          find.setDisable(true);
          findServers(token.getText(), () -> find.setDisable(false));
        });
    HBox tokenRow = new HBox(8, token, find);
    tokenRow.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(token, Priority.ALWAYS);
    CheckBox advanced = new CheckBox("Paste a token or use a proxy instead");
    advanced.setId("plex-advanced");
    form.field("account", "Plex account", account)
        .field("advanced", "Advanced", advanced)
        .field(
            "credential",
            "Plex token",
            tokenRow,
            "Sign in to Plex Web as the owner, open any item's XML and copy X-Plex-Token.")
        .field("proxy", "Proxy", proxy, "Only if plex.tv must be reached through an HTTP proxy.")
        .field("server", "Server", server)
        .field("name", "Name in Usher", name)
        .field(
            "url", "Address", url, "How Usher reaches the server; plex.tv's address by default.");
    form.showRow("credential", false).showRow("proxy", false);
    advanced
        .selectedProperty()
        .addListener(
            (o, was, on) -> {
              form.showRow("credential", on).showRow("proxy", on);
              resize();
            });
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
                throw ValidationException.of(
                    "server", "Sign in with Plex (or paste a token) and pick one of its servers.");
              }
              String credential = signedIn != null ? signedIn : token.getText();
              return model.addPlex(
                  credential, choice, name.getText(), url.getText(), proxy.getText());
            });
    dialog.dialog().setOnHidden(e -> cancelled.set(true));
  }

  public Optional<Server> showAndWait() {
    return dialog.showAndWait();
  }

  private void startSignIn() {
    form.clearErrors();
    cancelled = new AtomicBoolean();
    AtomicBoolean mine = cancelled;
    waiting(true);
    status.setText("Asking plex.tv for a sign-in code…");
    model.startPlexSignIn(
        proxy.getText(),
        pin -> {
          if (mine.get()) {
            return;
          }
          boolean opened = browser.open(pin.signInUrl());
          status.setText(
              opened
                  ? "Sign in to Plex in your browser; Usher waits here. No browser? Copy the link."
                  : "No browser opened: copy the sign-in link into a browser and sign in there.");
          copy.setOnAction(e -> copyLink(pin));
          copy.setVisible(true);
          copy.setManaged(true);
          resize();
          model.awaitPlexSignIn(
              pin,
              proxy.getText(),
              mine::get,
              received -> {
                if (received.isEmpty() || mine.get()) {
                  return;
                }
                signedIn = received.get();
                status.setText("Signed in to Plex. Finding your servers…");
                findServers(signedIn, () -> waiting(false));
              },
              this::signInFailed);
        },
        this::signInFailed);
  }

  private void findServers(String credential, Runnable finished) {
    model.plexServers(
        credential,
        proxy.getText(),
        found -> {
          finished.run();
          server.getItems().setAll(found);
          if (found.isEmpty()) {
            form.showErrors(
                List.of(
                    new FieldError(
                        "server",
                        "This Plex account owns no Plex Media Server: sign in as the server's"
                            + " owner.")));
          } else {
            server.setValue(found.getFirst());
            if (signedIn != null) {
              status.setText(
                  "Signed in to Plex: "
                      + found.size()
                      + (found.size() == 1 ? " server" : " servers")
                      + " found.");
            }
          }
          resize();
        },
        failure -> {
          finished.run();
          if (failure instanceof ValidationException v) {
            form.showErrors(v.errors());
          } else {
            form.showGeneral(Errors.sentence(failure));
          }
          resize();
        });
  }

  private void signInFailed(Throwable failure) {
    cancelSignIn(IDLE);
    form.showGeneral(Errors.sentence(failure));
    resize();
  }

  private void cancelSignIn(String said) {
    cancelled.set(true);
    waiting(false);
    status.setText(said);
  }

  private void copyLink(PlexPin pin) {
    ClipboardContent link = new ClipboardContent();
    link.putString(pin.signInUrl());
    Clipboard.getSystemClipboard().setContent(link);
    status.setText("Sign-in link copied: open it in a browser and sign in; Usher waits here.");
  }

  /** The spinner, Cancel and the copy link show only while a sign-in is under way. */
  private void waiting(boolean on) {
    signIn.setDisable(on);
    for (Node node : List.of(waiting, cancel, copy)) {
      node.setVisible(on && node != copy);
      node.setManaged(on && node != copy);
    }
  }

  private void resize() {
    Scene scene = dialog == null ? null : dialog.dialog().getDialogPane().getScene();
    if (scene != null && scene.getWindow() != null) {
      scene.getWindow().sizeToScene();
    }
  }
}

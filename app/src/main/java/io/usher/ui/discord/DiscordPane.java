package io.usher.ui.discord;

import atlantafx.base.theme.Styles;
import io.usher.ui.kit.Form;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Discord settings as a small form: bot token (masked), server id, role ids and kick days, with
 * Save and "Test Discord bot". Place {@link #node()} on a settings screen.
 */
public final class DiscordPane {
  private final DiscordViewModel model;
  private final Form form = new Form();
  private final VBox root = new VBox(16);

  public DiscordPane(DiscordViewModel model) {
    this.model = model;
    createView();
    model.errors().addListener((o, was, errors) -> form.showErrors(errors));
    model.load();
  }

  private void createView() {
    PasswordField token = new PasswordField();
    token.textProperty().bindBidirectional(model.token());
    token.setId("discord-token");
    token
        .promptTextProperty()
        .bind(
            Bindings.when(model.tokenShown().isEmpty())
                .then("Not set")
                .otherwise(Bindings.concat("Set (", model.tokenShown(), "): leave empty to keep")));
    form.field(
            DiscordViewModel.TOKEN,
            "Bot token",
            token,
            "Developer Portal, your application, Bot. Stored in this data folder, never logged.")
        .field(
            DiscordViewModel.GUILD,
            "Server id",
            text("discord-guild", model.guild(), "Right-click the server, Copy Server ID"))
        .field(
            DiscordViewModel.SUBSCRIBER,
            "Subscriber role id",
            text("discord-subscriber-role", model.subscriberRole(), "Empty: no role"))
        .field(
            DiscordViewModel.TRIAL,
            "Trial role id",
            text("discord-trial-role", model.trialRole(), "Empty: no role"))
        .field(
            DiscordViewModel.KICK,
            "Kick after days",
            text("discord-kick-days", model.kickDays(), "Empty: never"),
            "Removes users from the server this many days after their access ended.");

    Button save = new Button("Save");
    save.setId("discord-save");
    save.getStyleClass().add(Styles.ACCENT);
    save.setOnAction(e -> model.save());
    Button test = new Button("Test Discord bot");
    test.setId("discord-test");
    test.setOnAction(e -> model.test());
    HBox actions = new HBox(10, save, test);
    actions.setAlignment(Pos.CENTER_LEFT);

    Label verdict = new Label();
    verdict.setId("discord-verdict");
    verdict.setWrapText(true);
    verdict.setMaxWidth(640);
    verdict.textProperty().bind(model.verdict());
    verdict.visibleProperty().bind(Bindings.isNotEmpty(model.verdict()));
    verdict.managedProperty().bind(verdict.visibleProperty());
    verdict.getStyleClass().add(Styles.DANGER);
    model
        .ok()
        .addListener(
            (o, was, ok) -> {
              verdict.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
              verdict.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
            });

    Label hint = new Label("Test Discord bot saves the settings above first.");
    hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    Node fields = form.node();
    ((Region) fields).setMaxWidth(760);
    root.getChildren()
        .setAll(fields, actions, hint, model.waiting().node("discord-waiting"), verdict);
    root.setPadding(new Insets(16, 0, 0, 0));
  }

  private static TextField text(String id, StringProperty value, String prompt) {
    TextField field = new TextField();
    field.textProperty().bindBidirectional(value);
    field.setId(id);
    field.setPromptText(prompt);
    return field;
  }

  public Node node() {
    return root;
  }
}

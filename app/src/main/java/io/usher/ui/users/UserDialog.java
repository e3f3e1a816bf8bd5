package io.usher.ui.users;

import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.UiTasks;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Add or edit a user: contact details, class, and the flags the owner sets by hand. */
final class UserDialog {
  private final TextField email = field("user-email", "customer@example.com");
  private final TextField name = field("user-name", "Shown instead of the email");
  private final CheckBox permanent = new CheckBox("Permanent: never expires, exempt from limits");
  private final CheckBox mustChange = new CheckBox("Must change Plex account");
  private final TextField paypal = field("user-paypal", "Used to match PayPal payments");
  private final TextField discordId = field("user-discord-id", "e.g. 123456789012345678");
  private final TextField discordName = field("user-discord-name", "");
  private final TextArea notes = new TextArea();
  private final FormDialog<User> dialog;

  UserDialog(Window owner, UiTasks tasks, User existing, Function<UserSpec, Supplier<User>> save) {
    permanent.setId("user-permanent");
    mustChange.setId("user-must-change");
    notes.setId("user-notes");
    notes.setPrefRowCount(3);
    notes.setWrapText(true);
    if (existing != null) {
      UserSpec s = existing.spec();
      email.setText(nullToEmpty(s.email()));
      name.setText(nullToEmpty(s.name()));
      permanent.setSelected(s.permanent());
      mustChange.setSelected(s.mustChangeAccount());
      paypal.setText(nullToEmpty(s.paypalEmail()));
      discordId.setText(nullToEmpty(s.discordId()));
      discordName.setText(nullToEmpty(s.discordName()));
      notes.setText(nullToEmpty(s.notes()));
    }
    Form form =
        new Form()
            .field("email", "Email", email, "The address of the user's Plex account.")
            .field("name", "Name", name)
            .field("permanent", "Class", permanent)
            .field("mustChangeAccount", "Account", mustChange)
            .field("paypalEmail", "PayPal email", paypal)
            .field("discordId", "Discord id", discordId)
            .field("discordName", "Discord name", discordName)
            .field("notes", "Notes", notes);
    dialog =
        new FormDialog<>(
            owner,
            existing == null ? "Add user" : "Edit " + existing.spec().label(),
            existing == null ? "Add user" : "Save",
            form,
            tasks,
            () -> save.apply(spec()));
  }

  Optional<User> showAndWait() {
    return dialog.showAndWait();
  }

  private UserSpec spec() {
    return new UserSpec(
        email.getText(),
        name.getText(),
        permanent.isSelected(),
        mustChange.isSelected(),
        paypal.getText(),
        discordId.getText(),
        discordName.getText(),
        notes.getText());
  }

  private static TextField field(String id, String prompt) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    return f;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

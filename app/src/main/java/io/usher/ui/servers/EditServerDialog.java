package io.usher.ui.servers;

import io.usher.domain.common.ValidationException;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerSettings;
import io.usher.ui.kit.Form;
import io.usher.ui.kit.FormDialog;
import io.usher.ui.kit.UiTasks;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** A server's settings: location, capacity and what it accepts. */
final class EditServerDialog {
  private static final String NO_LOCATION = "(none)";
  private final FormDialog<Server> dialog;

  EditServerDialog(
      Window owner, UiTasks tasks, ServersViewModel model, Server server, List<String> locations) {
    ServerSettings s = server.settings();
    TextField name = new TextField(server.name());
    name.setId("edit-name");
    ComboBox<String> location = new ComboBox<>();
    location.setId("edit-location");
    location.getItems().add(NO_LOCATION);
    location.getItems().addAll(locations);
    location.setValue(s.location() == null ? NO_LOCATION : s.location());
    TextField capacity = new TextField(s.capacity() == null ? "" : s.capacity().toString());
    capacity.setId("edit-capacity");
    capacity.setPromptText("No limit");
    capacity.setMaxWidth(120);
    CheckBox enabled = box("edit-enabled", "Enabled (synced, and used for new users)", s.enabled());
    CheckBox newUsers = box("edit-new-users", "Accepts new users", s.acceptsNewUsers());
    CheckBox trials = box("edit-trials", "Accepts trial users", s.acceptsTrials());
    CheckBox trialOnly = box("edit-trial-only", "Trial users only", s.trialOnly());
    CheckBox fourK = box("edit-4k", "4K transcoding allowed", s.transcode4k());
    Form form =
        new Form()
            .field("name", "Name", name)
            .field("location", "Location", location)
            .field(
                "capacity",
                "Capacity",
                capacity,
                "Most users at once"
                    + (server.kind().code().equals("plex") ? " (Plex allows 100 shares)." : "."))
            .field("options", "Options", new VBox(6, enabled, newUsers, trials, trialOnly, fourK));
    dialog =
        new FormDialog<>(
            owner,
            "Edit " + server.label(),
            "Save",
            form,
            tasks,
            () ->
                model.update(
                    server,
                    name.getText(),
                    new ServerSettings(
                        NO_LOCATION.equals(location.getValue()) ? null : location.getValue(),
                        enabled.isSelected(),
                        newUsers.isSelected(),
                        trials.isSelected(),
                        trialOnly.isSelected(),
                        capacity(capacity.getText()),
                        fourK.isSelected())));
  }

  Optional<Server> showAndWait() {
    return dialog.showAndWait();
  }

  private static Integer capacity(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(t);
    } catch (NumberFormatException e) {
      throw ValidationException.of(
          "capacity", "'" + t + "' is not a whole number: leave it empty for no limit.");
    }
  }

  private static CheckBox box(String id, String text, boolean selected) {
    CheckBox b = new CheckBox(text);
    b.setId(id);
    b.setSelected(selected);
    return b;
  }
}

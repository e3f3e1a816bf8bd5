package io.usher.ui.kit;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the owner where to save a file; empty when they cancelled. */
@FunctionalInterface
public interface SaveAs {
  Optional<Path> choose(Window owner, String title, String suggestedName);

  /** The system's save dialog, for CSV files. */
  SaveAs CSV_CHOOSER =
      (owner, title, suggested) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
      };
}

package io.usher.ui.kit;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Opens an address in the owner's web browser; tests pass one that records the address. */
@FunctionalInterface
public interface Browser {
  /**
   * @return false when no browser could be started (a headless machine): the caller then offers the
   *     address to copy
   */
  boolean open(String url);

  /**
   * The system's own opener, started as a process rather than through AWT, whose toolkit would have
   * to start beside JavaFX's for this one call.
   */
  Browser SYSTEM =
      url -> {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command =
            os.contains("win")
                ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
                : os.contains("mac") ? List.of("open", url) : List.of("xdg-open", url);
        try {
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
          return true;
        } catch (IOException e) {
          return false;
        }
      };
}

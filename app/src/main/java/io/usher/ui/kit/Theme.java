package io.usher.ui.kit;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;

/** The AtlantaFX theme, set once for the whole application, plus Usher's own few rules. */
public final class Theme {
  public static final String LIGHT = "light";
  public static final String DARK = "dark";

  private Theme() {}

  public static void apply(String name) {
    Application.setUserAgentStylesheet(
        DARK.equals(name)
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }

  public static List<String> stylesheets() {
    return List.of(
        Objects.requireNonNull(Theme.class.getResource("/io/usher/ui/usher.css")).toExternalForm());
  }
}

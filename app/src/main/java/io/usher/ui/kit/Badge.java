package io.usher.ui.kit;

import io.usher.domain.ledger.UserStatus;
import javafx.scene.control.Label;

/** The small coloured pill that says at a glance whether a user may watch. */
public final class Badge {
  private Badge() {}

  public static Label of(String text, String kind) {
    Label badge = new Label(text);
    badge.getStyleClass().addAll("badge", kind);
    return badge;
  }

  public static Label status(UserStatus status, boolean expiringSoon) {
    if (status == UserStatus.ACTIVE) {
      return expiringSoon ? of("Expiring", "warning") : of("Active", "success");
    }
    return of("Expired", "danger");
  }
}

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

  /**
   * @param neverPaid a standard user with no payment at all: not "Expired", which says access was
   *     had and lost
   */
  public static Label status(UserStatus status, boolean expiringSoon, boolean neverPaid) {
    if (neverPaid && status != UserStatus.ACTIVE) {
      return of("No payment yet", "neutral");
    }
    if (status == UserStatus.ACTIVE) {
      return expiringSoon ? of("Expiring", "warning") : of("Active", "success");
    }
    return of("Expired", "danger");
  }
}

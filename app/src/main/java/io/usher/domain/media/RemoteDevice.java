package io.usher.domain.media;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A device an account signed in from, as the server lists it.
 *
 * @param id the server's id for the device (what it deletes by)
 * @param reportedId the id the app itself reported; null when the server sends none
 * @param name what the device calls itself ("Pixel 8")
 * @param app the app on it ("Emby for Android"); null when not said
 * @param lastUserId the account that used it last; null when not said
 * @param lastActive when it was last used; null when not said
 */
public record RemoteDevice(
    String id, String reportedId, String name, String app, String lastUserId, Instant lastActive) {

  /**
   * The ids a user policy may name this device by. Emby 4.8 lists a device's own id and the id the
   * app reported apart, and it is not documented which of the two its device filter compares, so a
   * policy names both: an id that matches no device allows nothing.
   */
  public Set<String> policyIds() {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(id);
    if (reportedId != null) {
      ids.add(reportedId);
    }
    return ids;
  }

  /** How the owner recognises it: "Pixel 8 (Emby for Android)". */
  public String label() {
    String shown = name == null ? id : name;
    return app == null || app.equals(shown) ? shown : shown + " (" + app + ")";
  }
}

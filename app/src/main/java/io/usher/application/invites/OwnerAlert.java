package io.usher.application.invites;

/** Tells the owner about something only they can fix (no server with room for a plan). */
@FunctionalInterface
public interface OwnerAlert {
  void alert(String sentence);
}

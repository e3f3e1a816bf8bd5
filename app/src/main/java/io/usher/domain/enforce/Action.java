package io.usher.domain.enforce;

/**
 * Stop one stream.
 *
 * @param why one sentence for the owner's log ("3 streams at once; the Basic plan allows 2")
 * @param message what the viewer sees on the screen where the server can show it
 */
public record Action(StreamFacts target, Reason reason, String why, String message) {

  public Viewer viewer() {
    return target.viewer();
  }
}

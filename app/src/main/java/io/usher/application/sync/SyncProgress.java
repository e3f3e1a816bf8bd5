package io.usher.application.sync;

/** How a long sync tells the window where it is, and learns that the owner cancelled it. */
public interface SyncProgress {
  SyncProgress NONE =
      new SyncProgress() {
        @Override
        public void step(String text, double fraction) {}

        @Override
        public boolean cancelled() {
          return false;
        }
      };

  /**
   * @param fraction 0 to 1 of the whole sync
   */
  void step(String text, double fraction);

  boolean cancelled();
}

package io.usher.application.imports;

/** How a bulk invite tells its front where it is, and learns that the owner cancelled it. */
public interface ImportProgress {
  ImportProgress NONE =
      new ImportProgress() {
        @Override
        public void row(int done, int total, String current) {}

        @Override
        public boolean cancelled() {
          return false;
        }
      };

  /**
   * @param done rows finished so far
   * @param current the email of the row being invited now; null once the last one is done
   */
  void row(int done, int total, String current);

  /** Checked before each row and while pacing: true stops before the next row. */
  boolean cancelled();
}

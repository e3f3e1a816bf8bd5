package io.usher.ui.users;

/** The choices of the Users screen's status filter. */
public enum StatusFilter {
  ALL("All users"),
  ACTIVE("Active"),
  EXPIRING("Expiring in 7 days"),
  EXPIRED("Expired"),
  PERMANENT("Permanent");

  private final String label;

  StatusFilter(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}

package io.usher.ui.shell;

/** The places the navigation leads to, in the order owners need them. */
enum Section {
  DASHBOARD("Dashboard"),
  USERS("Users"),
  PAYMENTS("Payments"),
  UNMATCHED("Unmatched"),
  PLANS("Plans"),
  DISCOUNTS("Discounts"),
  SERVERS("Servers & Libraries"),
  EMAIL("Email"),
  DISCORD("Discord"),
  JOBS("Jobs"),
  ACTIVITY("Activity"),
  SHARING("Sharing"),
  SETTINGS("Settings");

  final String title;

  Section(String title) {
    this.title = title;
  }

  String id() {
    return "nav-" + name().toLowerCase(java.util.Locale.ROOT);
  }
}

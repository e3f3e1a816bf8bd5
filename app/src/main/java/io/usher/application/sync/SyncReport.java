package io.usher.application.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * What a sync did, summed over the servers it reached.
 *
 * @param updatedUsers known users whose share changed or who got a share on another server
 * @param problems one sentence per server or account that could not be synced
 */
public record SyncReport(
    int servers,
    int newUsers,
    int updatedUsers,
    int removedShares,
    int newLibraries,
    List<String> problems,
    boolean cancelled) {

  /** "12 new users, 3 updated, 1 share removed on the server". */
  public String summary() {
    List<String> parts = new ArrayList<>();
    if (newUsers > 0) {
      parts.add(newUsers + (newUsers == 1 ? " new user" : " new users"));
    }
    if (updatedUsers > 0) {
      parts.add(updatedUsers + " updated");
    }
    if (removedShares > 0) {
      parts.add(
          removedShares + (removedShares == 1 ? " share" : " shares") + " removed on the server");
    }
    if (newLibraries > 0) {
      parts.add(
          newLibraries + (newLibraries == 1 ? " new library" : " new libraries") + " (in Private)");
    }
    String done = parts.isEmpty() ? "Nothing changed" : String.join(", ", parts);
    String prefix =
        cancelled ? "Cancelled after " + servers + (servers == 1 ? " server: " : " servers: ") : "";
    String trouble =
        problems.isEmpty()
            ? ""
            : "; " + problems.size() + (problems.size() == 1 ? " problem" : " problems");
    return prefix + done + trouble + ".";
  }
}

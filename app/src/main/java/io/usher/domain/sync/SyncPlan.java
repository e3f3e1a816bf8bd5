package io.usher.domain.sync;

import io.usher.domain.servers.Share;
import java.util.List;

/**
 * What one server's sync will write.
 *
 * @param shares shares to save: new ones for known users (id 0) and changed ones, including those
 *     the server no longer reports (their removedAt set)
 * @param problems one sentence per remote user that could not be imported
 */
public record SyncPlan(
    List<Arrival> arrivals,
    List<Share> shares,
    int newShares,
    int updatedShares,
    int removedShares,
    List<String> problems) {

  public boolean changesNothing() {
    return arrivals.isEmpty() && shares.isEmpty();
  }
}

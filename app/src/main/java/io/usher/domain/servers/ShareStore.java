package io.usher.domain.servers;

import java.util.List;

public interface ShareStore {
  /** Every share ever recorded on the server, removed ones included. */
  List<Share> forServer(long serverId);

  /** Every share of one user, on any server, newest first. */
  List<Share> forUser(long userId);

  /** Writes new shares (id 0) and changed ones (by id) in batches. */
  void save(List<Share> shares);
}

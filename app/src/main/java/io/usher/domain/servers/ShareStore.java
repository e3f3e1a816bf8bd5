package io.usher.domain.servers;

import java.util.List;

public interface ShareStore {
  /** Every share ever recorded on the server, removed ones included. */
  List<Share> forServer(long serverId);

  /** Writes new shares (id 0) and changed ones (by id) in batches. */
  void save(List<Share> shares);
}

package io.usher.domain.servers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface ServerStore {
  Server insert(NewServer server);

  void updateSettings(long serverId, ServerSettings settings);

  /** A name another server has is a ConflictException. */
  void rename(long serverId, String name);

  List<Server> all();

  Optional<Server> byId(long id);

  /** Server names are matched without regard to case. */
  Optional<Server> byName(String name);

  /** Users with an active share (not removed), per server id. */
  Map<Long, Integer> userCounts();
}

package io.usher.domain.servers;

import io.usher.domain.media.MediaLibrary;
import java.util.List;
import java.util.Optional;

public interface LibraryStore {
  List<Library> all();

  List<Library> forServer(long serverId);

  Optional<Library> byId(long id);

  /**
   * Makes the server's libraries match what it reports: new ones start in the Private group, titles
   * follow the server, libraries the server no longer has are dropped.
   *
   * @return how many libraries were added
   */
  int replace(long serverId, List<MediaLibrary> reported);

  void setGroup(long libraryId, String group);
}

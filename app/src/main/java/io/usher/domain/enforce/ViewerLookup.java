package io.usher.domain.enforce;

import java.util.Collection;
import java.util.Map;

/** The users behind streams, in one read for a whole enforcement pass. */
public interface ViewerLookup {
  /**
   * Each known user of {@code userIds} with the plan of their latest payment (the one ending last;
   * the latest recorded on a tie). Unknown ids are absent.
   */
  Map<Long, Viewer> viewers(Collection<Long> userIds);
}

package io.usher.application.enforce;

import io.usher.domain.enforce.ActivityEntry;
import io.usher.domain.enforce.ActivityStore;
import java.util.List;

/** The owner's view of what enforcement did: when, who, where, what, why and how it went. */
public final class ActivityService {
  /** The most a screen asks for at once. */
  public static final int MAX_LIMIT = 10_000;

  private final ActivityStore store;

  public ActivityService(ActivityStore store) {
    this.store = store;
  }

  /** The newest entries first, at most {@code limit} (capped at {@value #MAX_LIMIT}). */
  public List<ActivityEntry> recent(int limit) {
    return store.recent(Math.clamp(limit, 0, MAX_LIMIT));
  }
}

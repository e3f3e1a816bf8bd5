package io.usher.domain.sharing;

import java.time.Instant;
import java.util.Map;

/** The owner's decisions about flagged users, by user id. */
public interface SharingReviewStore {
  Map<Long, SharingReview> all();

  void warned(long userId, Instant at);

  void ignored(long userId, Instant at);
}

package io.usher.store;

import static io.usher.store.generated.Tables.SHARING_REVIEWS;

import io.usher.domain.sharing.SharingReview;
import io.usher.domain.sharing.SharingReviewStore;
import java.time.Instant;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;

public final class JooqSharingReviewStore implements SharingReviewStore {
  private final DSLContext dsl;

  public JooqSharingReviewStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Map<Long, SharingReview> all() {
    return dsl.selectFrom(SHARING_REVIEWS)
        .fetchMap(
            SHARING_REVIEWS.USER_ID,
            r -> new SharingReview(r.getUserId(), r.getWarnedAt(), r.getIgnoredAt()));
  }

  @Override
  public void warned(long userId, Instant at) {
    set(userId, SHARING_REVIEWS.WARNED_AT, at);
  }

  @Override
  public void ignored(long userId, Instant at) {
    set(userId, SHARING_REVIEWS.IGNORED_AT, at);
  }

  private void set(long userId, Field<Instant> field, Instant at) {
    dsl.mergeInto(SHARING_REVIEWS)
        .using(dsl.selectOne())
        .on(SHARING_REVIEWS.USER_ID.eq(userId))
        .whenMatchedThenUpdate()
        .set(field, at)
        .whenNotMatchedThenInsert(SHARING_REVIEWS.USER_ID, field)
        .values(userId, at)
        .execute();
  }
}

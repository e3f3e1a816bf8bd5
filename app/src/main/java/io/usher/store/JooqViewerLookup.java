package io.usher.store;

import static io.usher.store.generated.Tables.PAYMENTS;
import static io.usher.store.generated.Tables.PLANS;
import static io.usher.store.generated.Tables.USERS;

import io.usher.domain.enforce.Viewer;
import io.usher.domain.enforce.ViewerLookup;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/** The users behind streams and the plan of each one's latest payment, in two reads. */
public final class JooqViewerLookup implements ViewerLookup {
  private final DSLContext dsl;

  public JooqViewerLookup(DSLContext dsl) {
    this.dsl = dsl;
  }

  private record Latest(
      Instant end, long paymentId, String plan, int maxStreams, boolean transcode) {
    boolean after(Latest other) {
      int c = end.compareTo(other.end);
      return c > 0 || (c == 0 && paymentId > other.paymentId);
    }
  }

  @Override
  public Map<Long, Viewer> viewers(Collection<Long> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    List<Long> ids = List.copyOf(new java.util.HashSet<>(userIds));
    Map<Long, Latest> latest = new HashMap<>();
    // Folded in Java rather than a grouped subquery: H2 re-runs those per row.
    dsl.select(
            PAYMENTS.USER_ID,
            PAYMENTS.ID,
            PAYMENTS.ENDS_AT,
            PLANS.NAME,
            PLANS.MAX_STREAMS,
            PLANS.TRANSCODE)
        .from(PAYMENTS)
        .join(PLANS)
        .on(PLANS.ID.eq(PAYMENTS.PLAN_ID))
        .where(PAYMENTS.USER_ID.in(ids))
        .forEach(
            r -> {
              Latest l = new Latest(r.value3(), r.value2(), r.value4(), r.value5(), r.value6());
              latest.merge(r.value1(), l, (a, b) -> b.after(a) ? b : a);
            });
    Map<Long, Viewer> viewers = new HashMap<>();
    dsl.select(USERS.ID, USERS.EMAIL, USERS.NAME, USERS.PERMANENT)
        .from(USERS)
        .where(USERS.ID.in(ids))
        .forEach(
            r -> {
              Latest l = latest.get(r.value1());
              viewers.put(
                  r.value1(),
                  new Viewer(
                      r.value1(),
                      r.value3() != null ? r.value3() : r.value2(),
                      r.value2(),
                      r.value4(),
                      l == null ? null : l.plan(),
                      l == null ? 0 : l.maxStreams(),
                      l != null && l.transcode()));
            });
    return viewers;
  }
}

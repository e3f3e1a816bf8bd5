package io.usher.store;

import static io.usher.store.generated.Tables.PAYMENTS;
import static io.usher.store.generated.Tables.PLANS;
import static io.usher.store.generated.Tables.SHARES;
import static io.usher.store.generated.Tables.SHARE_LIBRARIES;
import static io.usher.store.generated.Tables.USERS;

import io.usher.domain.expiry.ExpiryQueries;
import io.usher.domain.expiry.Subscriber;
import io.usher.domain.servers.Share;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Expiry's reads: one grouped pass over the payments picks the users whose expiry lies in a window,
 * then their payments, details and active shares are read by id, a thousand at a time.
 */
public final class JooqExpiryQueries implements ExpiryQueries {
  private static final int CHUNK = 1_000;
  private final DSLContext dsl;

  public JooqExpiryQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public List<Subscriber> expiringBetween(Instant after, Instant until, Instant now) {
    // One grouped pass over the payments, returning only the users in the window; their details
    // are then read by id. (Joining the grouped result to users makes H2 re-run it per user.)
    Field<Instant> expiry = DSL.max(PAYMENTS.ENDS_AT);
    Condition window = expiry.le(until);
    if (after != null) {
      window = window.and(expiry.gt(after));
    }
    List<Long> ids =
        dsl.select(PAYMENTS.USER_ID)
            .from(PAYMENTS)
            .groupBy(PAYMENTS.USER_ID)
            .having(window)
            .fetch(PAYMENTS.USER_ID);
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, String> planNames =
        dsl.select(PLANS.ID, PLANS.NAME).from(PLANS).fetchMap(PLANS.ID, PLANS.NAME);
    List<Subscriber> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += CHUNK) {
      List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
      Map<Long, Fold> folds = new HashMap<>();
      dsl.select(
              PAYMENTS.USER_ID,
              PAYMENTS.PLAN_ID,
              PAYMENTS.STARTS_AT,
              PAYMENTS.ENDS_AT,
              PAYMENTS.SUBSCRIPTION_ID)
          .from(PAYMENTS)
          .where(PAYMENTS.USER_ID.in(chunk))
          .orderBy(PAYMENTS.ID)
          .forEach(
              p ->
                  folds
                      .computeIfAbsent(p.value1(), id -> new Fold())
                      .add(p.value2(), p.value3(), p.value4(), p.value5(), now));
      dsl.select(USERS.ID, USERS.EMAIL, USERS.NAME, USERS.PERMANENT)
          .from(USERS)
          .where(USERS.ID.in(chunk))
          .orderBy(USERS.ID)
          .forEach(
              r -> {
                Fold f = folds.get(r.value1());
                out.add(
                    new Subscriber(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        planNames.get(f.plan),
                        f.expires,
                        f.active,
                        f.subscription != null));
              });
    }
    return out;
  }

  /**
   * One user's payments: expiry (latest end; the later row on a tie), its plan and subscription.
   */
  private static final class Fold {
    Instant expires;
    long plan;
    String subscription;
    boolean active;

    void add(long planId, Instant start, Instant end, String subscriptionId, Instant now) {
      active |= !now.isBefore(start) && now.isBefore(end);
      if (expires == null || !end.isBefore(expires)) {
        expires = end;
        plan = planId;
        subscription = subscriptionId;
      }
    }
  }

  @Override
  public Map<Long, List<Share>> activeShares(Collection<Long> userIds) {
    Map<Long, List<Share>> out = new HashMap<>();
    List<Long> ids = List.copyOf(new HashSet<>(userIds));
    for (int i = 0; i < ids.size(); i += CHUNK) {
      List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
      Map<Long, Set<Long>> libraries = new HashMap<>();
      dsl.select(SHARE_LIBRARIES.SHARE_ID, SHARE_LIBRARIES.LIBRARY_ID)
          .from(SHARE_LIBRARIES)
          .join(SHARES)
          .on(SHARES.ID.eq(SHARE_LIBRARIES.SHARE_ID))
          .where(SHARES.USER_ID.in(chunk).and(SHARES.REMOVED_AT.isNull()))
          .forEach(
              r -> libraries.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
      dsl.selectFrom(SHARES)
          .where(SHARES.USER_ID.in(chunk).and(SHARES.REMOVED_AT.isNull()))
          .orderBy(SHARES.ID)
          .forEach(
              r ->
                  out.computeIfAbsent(r.getUserId(), k -> new ArrayList<>())
                      .add(
                          new Share(
                              r.getId(),
                              r.getUserId(),
                              r.getServerId(),
                              r.getAccount(),
                              r.getAccountId(),
                              r.getProviderShareId(),
                              r.getInvitedAt(),
                              r.getAcceptedAt(),
                              r.getPending(),
                              r.getRemovedAt(),
                              r.getAllLibraries(),
                              Set.copyOf(libraries.getOrDefault(r.getId(), Set.of())))));
    }
    return out;
  }
}

package io.usher.store;

import static io.usher.store.generated.Tables.CHECKOUT_ORDERS;
import static io.usher.store.generated.Tables.DISCOUNTS;
import static io.usher.store.generated.Tables.DISCOUNT_REDEMPTIONS;

import io.usher.domain.payments.PendingOrder;
import io.usher.domain.payments.PendingOrderStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqPendingOrderStore implements PendingOrderStore {
  private final DSLContext dsl;
  private final Clock clock;

  public JooqPendingOrderStore(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  @Override
  public PendingOrder insert(
      String reference,
      String email,
      String plan,
      String location,
      String discount,
      String referral) {
    Instant now = clock.instant();
    dsl.insertInto(CHECKOUT_ORDERS)
        .set(CHECKOUT_ORDERS.REFERENCE, reference)
        .set(CHECKOUT_ORDERS.EMAIL, email)
        .set(CHECKOUT_ORDERS.PLAN, plan)
        .set(CHECKOUT_ORDERS.LOCATION, location)
        .set(CHECKOUT_ORDERS.CREATED_AT, now)
        .set(CHECKOUT_ORDERS.DISCOUNT, discount)
        .set(CHECKOUT_ORDERS.REFERRAL, referral)
        .execute();
    return new PendingOrder(reference, email, plan, location, null, now, discount, referral);
  }

  @Override
  public void setSession(String reference, String sessionId) {
    dsl.update(CHECKOUT_ORDERS)
        .set(CHECKOUT_ORDERS.SESSION_ID, sessionId)
        .where(CHECKOUT_ORDERS.REFERENCE.eq(reference))
        .execute();
  }

  @Override
  public Optional<PendingOrder> byReference(String reference) {
    return dsl.selectFrom(CHECKOUT_ORDERS)
        .where(CHECKOUT_ORDERS.REFERENCE.eq(reference))
        .fetchOptional(
            r ->
                new PendingOrder(
                    r.getReference(),
                    r.getEmail(),
                    r.getPlan(),
                    r.getLocation(),
                    r.getSessionId(),
                    r.getCreatedAt(),
                    r.getDiscount(),
                    r.getReferral()));
  }

  @Override
  public int holding(String code, String exceptEmail, Instant since) {
    return dsl.fetchCount(
        dsl.selectDistinct(CHECKOUT_ORDERS.EMAIL)
            .from(CHECKOUT_ORDERS)
            .where(CHECKOUT_ORDERS.DISCOUNT.eq(code))
            .and(CHECKOUT_ORDERS.EMAIL.ne(exceptEmail))
            .and(CHECKOUT_ORDERS.CREATED_AT.gt(since))
            .andNotExists(
                dsl.selectOne()
                    .from(DISCOUNT_REDEMPTIONS)
                    .join(DISCOUNTS)
                    .on(DISCOUNTS.ID.eq(DISCOUNT_REDEMPTIONS.DISCOUNT_ID))
                    .where(DISCOUNTS.CODE.eq(CHECKOUT_ORDERS.DISCOUNT))
                    .and(DISCOUNT_REDEMPTIONS.EMAIL.eq(CHECKOUT_ORDERS.EMAIL))));
  }

  @Override
  public void discard(String reference) {
    dsl.deleteFrom(CHECKOUT_ORDERS).where(CHECKOUT_ORDERS.REFERENCE.eq(reference)).execute();
  }

  @Override
  public Optional<PendingOrder> bySession(String sessionId) {
    return dsl.selectFrom(CHECKOUT_ORDERS)
        .where(CHECKOUT_ORDERS.SESSION_ID.eq(sessionId))
        .fetchOptional(
            r ->
                new PendingOrder(
                    r.getReference(),
                    r.getEmail(),
                    r.getPlan(),
                    r.getLocation(),
                    r.getSessionId(),
                    r.getCreatedAt(),
                    r.getDiscount(),
                    r.getReferral()));
  }
}

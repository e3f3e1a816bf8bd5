package io.usher.store;

import static io.usher.store.generated.Tables.DISCOUNTS;
import static io.usher.store.generated.Tables.DISCOUNT_REDEMPTIONS;

import io.usher.domain.discounts.Discount;
import io.usher.domain.discounts.DiscountSpec;
import io.usher.domain.discounts.DiscountStore;
import io.usher.domain.money.Money;
import io.usher.store.generated.tables.records.DiscountsRecord;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

public final class JooqDiscountStore implements DiscountStore {
  private static final Field<Integer> USES =
      DSL.field(
              DSL.selectCount()
                  .from(DISCOUNT_REDEMPTIONS)
                  .where(DISCOUNT_REDEMPTIONS.DISCOUNT_ID.eq(DISCOUNTS.ID)))
          .as("uses");

  private final DSLContext dsl;
  private final Clock clock;

  public JooqDiscountStore(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  @Override
  public Discount insert(DiscountSpec spec) {
    DiscountsRecord rec = dsl.newRecord(DISCOUNTS);
    write(rec, spec);
    rec.setCreatedAt(clock.instant());
    Integrity.guard("A discount code " + spec.code() + " already exists.", rec::store);
    return new Discount(rec.getId(), spec, 0, rec.getCreatedAt());
  }

  @Override
  public void update(long id, DiscountSpec spec) {
    DiscountsRecord rec = dsl.fetchSingle(DISCOUNTS, DISCOUNTS.ID.eq(id));
    write(rec, spec);
    Integrity.guard("A discount code " + spec.code() + " already exists.", rec::store);
  }

  @Override
  public Optional<Discount> byId(long id) {
    return find(DISCOUNTS.ID.eq(id)).stream().findFirst();
  }

  @Override
  public Optional<Discount> byCode(String code) {
    return find(DISCOUNTS.CODE.eq(DiscountSpec.normalizeCode(code))).stream().findFirst();
  }

  @Override
  public List<Discount> all() {
    return find(DSL.noCondition());
  }

  @Override
  public void delete(long id) {
    dsl.deleteFrom(DISCOUNTS).where(DISCOUNTS.ID.eq(id)).execute();
  }

  @Override
  public boolean usedBy(long discountId, String email) {
    return dsl.fetchExists(
        DISCOUNT_REDEMPTIONS,
        DISCOUNT_REDEMPTIONS.DISCOUNT_ID.eq(discountId).and(DISCOUNT_REDEMPTIONS.EMAIL.eq(email)));
  }

  @Override
  public boolean redeem(long discountId, String email, String transactionId) {
    return dsl.insertInto(DISCOUNT_REDEMPTIONS)
            .set(DISCOUNT_REDEMPTIONS.DISCOUNT_ID, discountId)
            .set(DISCOUNT_REDEMPTIONS.EMAIL, email)
            .set(DISCOUNT_REDEMPTIONS.TXN, transactionId)
            .set(DISCOUNT_REDEMPTIONS.REDEEMED_AT, clock.instant())
            .onDuplicateKeyIgnore()
            .execute()
        == 1;
  }

  @Override
  public int lockUses(long discountId) {
    dsl.select(DISCOUNTS.ID).from(DISCOUNTS).where(DISCOUNTS.ID.eq(discountId)).forUpdate().fetch();
    return dsl.fetchCount(DISCOUNT_REDEMPTIONS, DISCOUNT_REDEMPTIONS.DISCOUNT_ID.eq(discountId));
  }

  @Override
  public void unredeem(long discountId, String email) {
    dsl.deleteFrom(DISCOUNT_REDEMPTIONS)
        .where(DISCOUNT_REDEMPTIONS.DISCOUNT_ID.eq(discountId))
        .and(DISCOUNT_REDEMPTIONS.EMAIL.eq(email))
        .execute();
  }

  private List<Discount> find(Condition where) {
    return dsl.select(DISCOUNTS.asterisk(), USES)
        .from(DISCOUNTS)
        .where(where)
        .orderBy(DISCOUNTS.CREATED_AT.desc(), DISCOUNTS.ID.desc())
        .fetch(JooqDiscountStore::read);
  }

  private static Discount read(Record r) {
    DiscountsRecord d = r.into(DISCOUNTS);
    return new Discount(
        d.getId(),
        new DiscountSpec(
            d.getCode(),
            d.getPercentOff(),
            d.getAmountOffMinor() == null
                ? null
                : new Money(d.getAmountOffMinor(), Currency.getInstance(d.getAmountCurrency())),
            d.getExpiresAt(),
            d.getMaxUses(),
            d.getOnlyEmail(),
            d.getEnabled()),
        r.get(USES),
        d.getCreatedAt());
  }

  private static void write(DiscountsRecord rec, DiscountSpec s) {
    rec.setCode(s.code());
    rec.setPercentOff(s.percentOff());
    rec.setAmountOffMinor(s.amountOff() == null ? null : s.amountOff().minor());
    rec.setAmountCurrency(
        s.amountOff() == null ? null : s.amountOff().currency().getCurrencyCode());
    rec.setExpiresAt(s.expires());
    rec.setMaxUses(s.maxUses());
    rec.setOnlyEmail(s.onlyEmail());
    rec.setEnabled(s.enabled());
  }
}

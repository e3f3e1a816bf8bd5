package io.usher.store;

import static io.usher.store.generated.Tables.REFERRALS;
import static io.usher.store.generated.Tables.REFERRAL_CODES;

import io.usher.domain.referrals.Referral;
import io.usher.domain.referrals.ReferralStore;
import io.usher.store.generated.tables.records.ReferralsRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqReferralStore implements ReferralStore {
  private static final int MAX_NOTE = 500;
  private final DSLContext dsl;

  public JooqReferralStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Optional<String> codeOf(long userId) {
    return dsl.select(REFERRAL_CODES.CODE)
        .from(REFERRAL_CODES)
        .where(REFERRAL_CODES.USER_ID.eq(userId))
        .fetchOptional(REFERRAL_CODES.CODE);
  }

  @Override
  public boolean assign(long userId, String code) {
    if (userWithCode(code).isPresent()) {
      return false;
    }
    Integrity.guard(
        "That user has a referral code already.",
        () ->
            dsl.insertInto(REFERRAL_CODES)
                .set(REFERRAL_CODES.USER_ID, userId)
                .set(REFERRAL_CODES.CODE, code)
                .execute());
    return true;
  }

  @Override
  public Optional<Long> userWithCode(String code) {
    return dsl.select(REFERRAL_CODES.USER_ID)
        .from(REFERRAL_CODES)
        .where(REFERRAL_CODES.CODE.eq(code))
        .fetchOptional(REFERRAL_CODES.USER_ID);
  }

  @Override
  public void insert(Referral r) {
    String note = r.note().length() > MAX_NOTE ? r.note().substring(0, MAX_NOTE) : r.note();
    Integrity.guard(
        "That customer was referred before.",
        () ->
            dsl.insertInto(REFERRALS)
                .set(REFERRALS.REFERRED_ID, r.referredId())
                .set(REFERRALS.REFERRER_ID, r.referrerId())
                .set(REFERRALS.REFERRED_TXN, r.referredTxn())
                .set(REFERRALS.CREDIT_TXN, r.creditTxn())
                .set(REFERRALS.BONUS_SECONDS, r.bonusSeconds())
                .set(REFERRALS.NOTE, note)
                .set(REFERRALS.CREATED_AT, r.created())
                .execute());
  }

  @Override
  public Optional<Referral> of(long referredId) {
    return dsl.selectFrom(REFERRALS)
        .where(REFERRALS.REFERRED_ID.eq(referredId))
        .fetchOptional(JooqReferralStore::toReferral);
  }

  @Override
  public List<Referral> by(long referrerId) {
    return dsl.selectFrom(REFERRALS)
        .where(REFERRALS.REFERRER_ID.eq(referrerId))
        .orderBy(REFERRALS.CREATED_AT, REFERRALS.REFERRED_ID)
        .fetch(JooqReferralStore::toReferral);
  }

  @Override
  public List<Referral> all() {
    return dsl.selectFrom(REFERRALS)
        .orderBy(REFERRALS.CREATED_AT.desc(), REFERRALS.REFERRED_ID.desc())
        .fetch(JooqReferralStore::toReferral);
  }

  private static Referral toReferral(ReferralsRecord r) {
    return new Referral(
        r.getReferredId(),
        r.getReferrerId(),
        r.getReferredTxn(),
        r.getCreditTxn(),
        r.getBonusSeconds(),
        r.getNote(),
        r.getCreatedAt());
  }
}

package io.usher.store;

import static io.usher.store.generated.Tables.SEERR_ACCOUNTS;

import io.usher.domain.seerr.SeerrAccount;
import io.usher.domain.seerr.SeerrAccountStore;
import io.usher.store.generated.tables.records.SeerrAccountsRecord;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqSeerrAccountStore implements SeerrAccountStore {
  private final DSLContext dsl;

  public JooqSeerrAccountStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Map<Long, SeerrAccount> all() {
    return dsl.selectFrom(SEERR_ACCOUNTS)
        .fetchMap(SEERR_ACCOUNTS.USER_ID, JooqSeerrAccountStore::account);
  }

  @Override
  public Optional<SeerrAccount> of(long userId) {
    return dsl.selectFrom(SEERR_ACCOUNTS)
        .where(SEERR_ACCOUNTS.USER_ID.eq(userId))
        .fetchOptional()
        .map(JooqSeerrAccountStore::account);
  }

  @Override
  public void save(SeerrAccount account) {
    dsl.mergeInto(SEERR_ACCOUNTS)
        .using(dsl.selectOne())
        .on(SEERR_ACCOUNTS.USER_ID.eq(account.userId()))
        .whenMatchedThenUpdate()
        .set(SEERR_ACCOUNTS.SEERR_ID, account.seerrId())
        .set(SEERR_ACCOUNTS.EMAIL, account.email())
        .set(SEERR_ACCOUNTS.CREATED_AT, account.createdAt())
        .whenNotMatchedThenInsert(
            SEERR_ACCOUNTS.USER_ID,
            SEERR_ACCOUNTS.SEERR_ID,
            SEERR_ACCOUNTS.EMAIL,
            SEERR_ACCOUNTS.CREATED_AT)
        .values(account.userId(), account.seerrId(), account.email(), account.createdAt())
        .execute();
  }

  @Override
  public void forget(long userId) {
    dsl.deleteFrom(SEERR_ACCOUNTS).where(SEERR_ACCOUNTS.USER_ID.eq(userId)).execute();
  }

  private static SeerrAccount account(SeerrAccountsRecord r) {
    return new SeerrAccount(r.getUserId(), r.getSeerrId(), r.getEmail(), r.getCreatedAt());
  }
}

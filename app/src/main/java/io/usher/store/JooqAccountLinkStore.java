package io.usher.store;

import static io.usher.store.generated.Tables.ACCOUNT_LINKS;

import io.usher.domain.accounts.AccountLink;
import io.usher.domain.accounts.AccountLinkStore;
import io.usher.store.generated.tables.records.AccountLinksRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqAccountLinkStore implements AccountLinkStore {
  private final DSLContext dsl;

  public JooqAccountLinkStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public AccountLink insert(
      String tokenHash, long userId, String email, Instant created, Instant expires) {
    long id =
        dsl.insertInto(ACCOUNT_LINKS)
            .set(ACCOUNT_LINKS.TOKEN_HASH, tokenHash)
            .set(ACCOUNT_LINKS.USER_ID, userId)
            .set(ACCOUNT_LINKS.EMAIL, email)
            .set(ACCOUNT_LINKS.CREATED_AT, created)
            .set(ACCOUNT_LINKS.EXPIRES_AT, expires)
            .returning(ACCOUNT_LINKS.ID)
            .fetchOne()
            .getId();
    return new AccountLink(id, tokenHash, userId, email, created, expires);
  }

  @Override
  public Optional<AccountLink> byHash(String tokenHash) {
    return dsl.selectFrom(ACCOUNT_LINKS)
        .where(ACCOUNT_LINKS.TOKEN_HASH.eq(tokenHash))
        .fetchOptional(JooqAccountLinkStore::link);
  }

  @Override
  public List<AccountLink> forUser(long userId) {
    return dsl.selectFrom(ACCOUNT_LINKS)
        .where(ACCOUNT_LINKS.USER_ID.eq(userId))
        .orderBy(ACCOUNT_LINKS.CREATED_AT.desc(), ACCOUNT_LINKS.ID.desc())
        .fetch(JooqAccountLinkStore::link);
  }

  @Override
  public void delete(List<Long> ids) {
    if (!ids.isEmpty()) {
      dsl.deleteFrom(ACCOUNT_LINKS).where(ACCOUNT_LINKS.ID.in(ids)).execute();
    }
  }

  @Override
  public int deleteExpired(Instant now) {
    return dsl.deleteFrom(ACCOUNT_LINKS).where(ACCOUNT_LINKS.EXPIRES_AT.le(now)).execute();
  }

  private static AccountLink link(AccountLinksRecord r) {
    return new AccountLink(
        r.getId(),
        r.getTokenHash(),
        r.getUserId(),
        r.getEmail(),
        r.getCreatedAt(),
        r.getExpiresAt());
  }
}

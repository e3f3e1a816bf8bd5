package io.usher.store;

import static io.usher.store.generated.Tables.SETUP_CHECKS;

import io.usher.domain.settings.SetupCheckStore;
import java.time.Instant;
import org.jooq.DSLContext;

public final class JooqSetupCheckStore implements SetupCheckStore {
  private final DSLContext dsl;
  private final SecretBox box;

  public JooqSetupCheckStore(DSLContext dsl, SecretBox box) {
    this.dsl = dsl;
    this.box = box;
  }

  @Override
  public void passed(String check, String values, Instant at) {
    String digest = box.digest(check, values);
    dsl.mergeInto(SETUP_CHECKS)
        .using(dsl.selectOne())
        .on(SETUP_CHECKS.CHECK_NAME.eq(check))
        .whenMatchedThenUpdate()
        .set(SETUP_CHECKS.DIGEST, digest)
        .set(SETUP_CHECKS.PASSED_AT, at)
        .whenNotMatchedThenInsert(
            SETUP_CHECKS.CHECK_NAME, SETUP_CHECKS.DIGEST, SETUP_CHECKS.PASSED_AT)
        .values(check, digest, at)
        .execute();
  }

  @Override
  public boolean passedWith(String check, String values) {
    String digest = box.digest(check, values);
    return dsl.fetchExists(
        SETUP_CHECKS, SETUP_CHECKS.CHECK_NAME.eq(check).and(SETUP_CHECKS.DIGEST.eq(digest)));
  }
}

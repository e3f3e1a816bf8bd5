package io.usher.store;

import static io.usher.store.generated.Tables.REMINDERS_SENT;

import io.usher.domain.expiry.ReminderKey;
import io.usher.domain.expiry.ReminderLog;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;

public final class JooqReminderLog implements ReminderLog {
  private final DSLContext dsl;

  public JooqReminderLog(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Set<ReminderKey> sentAbout(Instant after) {
    Set<ReminderKey> out = new HashSet<>();
    dsl.select(REMINDERS_SENT.USER_ID, REMINDERS_SENT.EXPIRES_AT, REMINDERS_SENT.DAYS_BEFORE)
        .from(REMINDERS_SENT)
        .where(REMINDERS_SENT.EXPIRES_AT.gt(after))
        .forEach(r -> out.add(new ReminderKey(r.value1(), r.value2(), r.value3())));
    return out;
  }

  @Override
  public void record(ReminderKey key, Instant sentAt) {
    dsl.insertInto(REMINDERS_SENT)
        .set(REMINDERS_SENT.USER_ID, key.userId())
        .set(REMINDERS_SENT.EXPIRES_AT, key.expires())
        .set(REMINDERS_SENT.DAYS_BEFORE, key.daysBefore())
        .set(REMINDERS_SENT.SENT_AT, sentAt)
        .onDuplicateKeyIgnore()
        .execute();
  }
}

package io.usher.store;

import static io.usher.store.generated.Tables.USERS;

import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.domain.users.UserStore;
import io.usher.store.generated.tables.records.UsersRecord;
import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqUserStore implements UserStore {
  private final DSLContext dsl;
  private final Clock clock;

  public JooqUserStore(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  @Override
  public User insert(UserSpec spec) {
    UsersRecord rec = dsl.newRecord(USERS);
    write(rec, spec);
    rec.setCreatedAt(clock.instant());
    Integrity.guard("A user with email " + spec.email() + " already exists.", rec::store);
    return new User(rec.getId(), spec);
  }

  @Override
  public void update(User user) {
    UsersRecord rec = dsl.fetchSingle(USERS, USERS.ID.eq(user.id()));
    write(rec, user.spec());
    Integrity.guard("A user with email " + user.email() + " already exists.", rec::store);
  }

  @Override
  public Optional<User> byId(long id) {
    return dsl.selectFrom(USERS).where(USERS.ID.eq(id)).fetchOptional().map(JooqUserStore::toUser);
  }

  @Override
  public Optional<User> byEmail(String normalizedEmail) {
    return dsl.selectFrom(USERS)
        .where(USERS.EMAIL.eq(normalizedEmail))
        .fetchOptional()
        .map(JooqUserStore::toUser);
  }

  private static void write(UsersRecord rec, UserSpec s) {
    rec.setEmail(s.email());
    rec.setName(s.name());
    rec.setPermanent(s.permanent());
    rec.setMustChangeAccount(s.mustChangeAccount());
    rec.setPaypalEmail(s.paypalEmail());
    rec.setDiscordId(s.discordId());
    rec.setDiscordName(s.discordName());
    rec.setNotes(s.notes());
  }

  private static User toUser(UsersRecord r) {
    return new User(
        r.getId(),
        new UserSpec(
            r.getEmail(),
            r.getName(),
            r.getPermanent(),
            r.getMustChangeAccount(),
            r.getPaypalEmail(),
            r.getDiscordId(),
            r.getDiscordName(),
            r.getNotes()));
  }
}

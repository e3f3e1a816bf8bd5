package io.usher.store;

import static io.usher.store.generated.Tables.USERS;

import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.domain.users.UserStore;
import io.usher.store.generated.tables.records.UsersRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqUserStore implements UserStore {
  private static final int CHUNK = 500;
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
  public List<User> insertAll(List<UserSpec> specs) {
    List<User> users = new ArrayList<>(specs.size());
    Instant now = clock.instant();
    for (int from = 0; from < specs.size(); from += CHUNK) {
      List<UserSpec> chunk = specs.subList(from, Math.min(specs.size(), from + CHUNK));
      var insert =
          dsl.insertInto(
              USERS,
              USERS.EMAIL,
              USERS.NAME,
              USERS.PERMANENT,
              USERS.MUST_CHANGE_ACCOUNT,
              USERS.PAYPAL_EMAIL,
              USERS.DISCORD_ID,
              USERS.DISCORD_NAME,
              USERS.NOTES,
              USERS.CREATED_AT);
      for (UserSpec s : chunk) {
        insert =
            insert.values(
                s.email(),
                s.name(),
                s.permanent(),
                s.mustChangeAccount(),
                s.paypalEmail(),
                s.discordId(),
                s.discordName(),
                s.notes(),
                now);
      }
      // H2 returns the generated keys of a multi-row insert in the order of its rows.
      var rows = insert;
      List<Long> ids =
          Integrity.guard(
              "Two users with the same email.",
              () -> rows.returningResult(USERS.ID).fetch(r -> r.value1()));
      for (int i = 0; i < chunk.size(); i++) {
        users.add(new User(ids.get(i), chunk.get(i)));
      }
    }
    return users;
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

  @Override
  public java.util.Map<String, Long> idsByEmail() {
    return dsl.select(USERS.EMAIL, USERS.ID)
        .from(USERS)
        .where(USERS.EMAIL.isNotNull())
        .fetchMap(USERS.EMAIL, USERS.ID);
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

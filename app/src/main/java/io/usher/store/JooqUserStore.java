package io.usher.store;

import static io.usher.store.generated.Tables.PAYMENTS;
import static io.usher.store.generated.Tables.REFERRALS;
import static io.usher.store.generated.Tables.REFERRAL_CODES;
import static io.usher.store.generated.Tables.SHARES;
import static io.usher.store.generated.Tables.USERS;

import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.domain.users.UserStore;
import io.usher.store.generated.tables.records.UsersRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

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
  public List<User> insertAll(List<UserSpec> specs) {
    if (specs.isEmpty()) {
      return List.of();
    }
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    List<User> users = new ArrayList<>(specs.size());
    // Plain JDBC: one prepared batch, and H2 hands back every generated id in row order.
    // Inside a transaction dsl.connection() is the transaction's own connection.
    Integrity.guard(
        "Two of these users have the same email.",
        () -> {
          dsl.connection(
              c -> {
                try (PreparedStatement insert =
                    c.prepareStatement(
                        "INSERT INTO users (email, name, permanent, must_change_account,"
                            + " paypal_email, discord_id, discord_name, notes, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        new String[] {"ID"})) {
                  for (UserSpec s : specs) {
                    insert.setString(1, s.email());
                    insert.setString(2, s.name());
                    insert.setBoolean(3, s.permanent());
                    insert.setBoolean(4, s.mustChangeAccount());
                    insert.setString(5, s.paypalEmail());
                    insert.setString(6, s.discordId());
                    insert.setString(7, s.discordName());
                    insert.setString(8, s.notes());
                    insert.setObject(9, now);
                    insert.addBatch();
                  }
                  insert.executeBatch();
                  try (ResultSet keys = insert.getGeneratedKeys()) {
                    for (UserSpec s : specs) {
                      if (!keys.next()) {
                        throw new IllegalStateException("H2 returned fewer ids than rows");
                      }
                      users.add(new User(keys.getLong(1), s));
                    }
                  }
                }
              });
          return null;
        });
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
  public List<User> byNameOrAccount(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return dsl.selectFrom(USERS)
        .where(DSL.lower(USERS.NAME).eq(lower))
        .or(
            USERS.ID.in(
                DSL.select(SHARES.USER_ID).from(SHARES).where(DSL.lower(SHARES.ACCOUNT).eq(lower))))
        .orderBy(USERS.ID)
        .fetch(JooqUserStore::toUser);
  }

  @Override
  public Optional<User> byPaypalEmail(String normalizedEmail) {
    return dsl.selectFrom(USERS)
        .where(USERS.PAYPAL_EMAIL.eq(normalizedEmail))
        .orderBy(USERS.ID)
        .limit(1)
        .fetchOptional()
        .map(JooqUserStore::toUser);
  }

  @Override
  public void setMaster(long subId, Long masterId) {
    dsl.update(USERS).set(USERS.MASTER_ID, masterId).where(USERS.ID.eq(subId)).execute();
  }

  @Override
  public void delete(long id) {
    dsl.deleteFrom(REFERRALS)
        .where(REFERRALS.REFERRED_ID.eq(id).or(REFERRALS.REFERRER_ID.eq(id)))
        .execute();
    dsl.deleteFrom(REFERRAL_CODES).where(REFERRAL_CODES.USER_ID.eq(id)).execute();
    dsl.update(USERS).setNull(USERS.MASTER_ID).where(USERS.MASTER_ID.eq(id)).execute();
    dsl.deleteFrom(PAYMENTS).where(PAYMENTS.USER_ID.eq(id)).execute();
    // Shares, reminders, account links and Discord roles go with the user (ON DELETE CASCADE).
    dsl.deleteFrom(USERS).where(USERS.ID.eq(id)).execute();
  }

  @Override
  public List<User> subsOf(long masterId) {
    return dsl.selectFrom(USERS)
        .where(USERS.MASTER_ID.eq(masterId))
        .orderBy(USERS.ID)
        .fetch(JooqUserStore::toUser);
  }

  @Override
  public Optional<Long> masterOf(long subId) {
    return dsl.select(USERS.MASTER_ID)
        .from(USERS)
        .where(USERS.ID.eq(subId))
        .fetchOptional(USERS.MASTER_ID);
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

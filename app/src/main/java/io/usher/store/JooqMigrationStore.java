package io.usher.store;

import static io.usher.store.generated.Tables.MIGRATIONS;
import static io.usher.store.generated.Tables.MIGRATION_MOVES;

import io.usher.domain.migrations.Migration;
import io.usher.domain.migrations.MigrationStore;
import io.usher.domain.migrations.Move;
import io.usher.store.generated.tables.records.MigrationsRecord;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqMigrationStore implements MigrationStore {
  private final DSLContext dsl;

  public JooqMigrationStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public long create(
      String from, String to, long fromId, long toId, Instant created, List<Move> moves) {
    long id =
        dsl.insertInto(MIGRATIONS)
            .set(MIGRATIONS.FROM_SERVER, from)
            .set(MIGRATIONS.TO_SERVER, to)
            .set(MIGRATIONS.FROM_ID, fromId)
            .set(MIGRATIONS.TO_ID, toId)
            .set(MIGRATIONS.CREATED_AT, created)
            .returning(MIGRATIONS.ID)
            .fetchOne(MIGRATIONS.ID);
    var insert =
        dsl.insertInto(
            MIGRATION_MOVES,
            MIGRATION_MOVES.MIGRATION_ID,
            MIGRATION_MOVES.USER_ID,
            MIGRATION_MOVES.WHO,
            MIGRATION_MOVES.STATE,
            MIGRATION_MOVES.DETAIL);
    for (Move m : moves) {
      insert = insert.values(id, m.userId(), m.who(), code(m.state()), m.detail());
    }
    if (!moves.isEmpty()) {
      insert.execute();
    }
    return id;
  }

  @Override
  public Optional<Migration> byId(long id) {
    return dsl.selectFrom(MIGRATIONS)
        .where(MIGRATIONS.ID.eq(id))
        .fetchOptional()
        .map(this::toMigration);
  }

  @Override
  public List<Migration> recent(int limit) {
    return dsl.selectFrom(MIGRATIONS)
        .orderBy(MIGRATIONS.ID.desc())
        .limit(limit)
        .fetch()
        .map(this::toMigration);
  }

  @Override
  public void update(Move move) {
    dsl.update(MIGRATION_MOVES)
        .set(MIGRATION_MOVES.STATE, code(move.state()))
        .set(MIGRATION_MOVES.DETAIL, move.detail())
        .where(
            MIGRATION_MOVES
                .MIGRATION_ID
                .eq(move.migrationId())
                .and(MIGRATION_MOVES.USER_ID.eq(move.userId())))
        .execute();
  }

  @Override
  public void cancel(long id, Instant at) {
    dsl.update(MIGRATIONS)
        .set(MIGRATIONS.CANCELLED_AT, at)
        .where(MIGRATIONS.ID.eq(id).and(MIGRATIONS.CANCELLED_AT.isNull()))
        .execute();
  }

  @Override
  public void finish(long id, Instant at) {
    dsl.update(MIGRATIONS)
        .set(MIGRATIONS.FINISHED_AT, at)
        .where(MIGRATIONS.ID.eq(id).and(MIGRATIONS.FINISHED_AT.isNull()))
        .execute();
  }

  private Migration toMigration(MigrationsRecord r) {
    List<Move> moves =
        dsl.selectFrom(MIGRATION_MOVES)
            .where(MIGRATION_MOVES.MIGRATION_ID.eq(r.getId()))
            .orderBy(MIGRATION_MOVES.WHO, MIGRATION_MOVES.USER_ID)
            .fetch(
                m ->
                    new Move(
                        m.getMigrationId(),
                        m.getUserId(),
                        m.getWho(),
                        Move.State.valueOf(m.getState().toUpperCase(Locale.ROOT)),
                        m.getDetail()));
    return new Migration(
        r.getId(),
        r.getFromServer(),
        r.getToServer(),
        r.getFromId(),
        r.getToId(),
        r.getCreatedAt(),
        r.getCancelledAt(),
        r.getFinishedAt(),
        moves);
  }

  private static String code(Move.State state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}

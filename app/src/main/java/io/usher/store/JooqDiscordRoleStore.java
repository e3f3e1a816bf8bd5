package io.usher.store;

import static io.usher.store.generated.Tables.DISCORD_ROLES;
import static io.usher.store.generated.Tables.USERS;

import io.usher.domain.notify.DiscordRoleStore;
import io.usher.domain.notify.DiscordRoles;
import java.time.Clock;
import java.util.Map;
import org.jooq.DSLContext;

public final class JooqDiscordRoleStore implements DiscordRoleStore {
  private final DSLContext dsl;
  private final Clock clock;

  public JooqDiscordRoleStore(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  @Override
  public Map<Long, String> discordIds() {
    return dsl.select(USERS.ID, USERS.DISCORD_ID)
        .from(USERS)
        .where(USERS.DISCORD_ID.isNotNull())
        .fetchMap(USERS.ID, USERS.DISCORD_ID);
  }

  @Override
  public Map<Long, DiscordRoles> all() {
    return dsl.selectFrom(DISCORD_ROLES)
        .fetchMap(
            DISCORD_ROLES.USER_ID,
            r ->
                new DiscordRoles(
                    r.getUserId(),
                    r.getDiscordId(),
                    r.getSubscriberRole(),
                    r.getTrialRole(),
                    r.getKicked(),
                    r.getNotMemberAt()));
  }

  @Override
  public void save(DiscordRoles roles) {
    dsl.mergeInto(DISCORD_ROLES)
        .using(dsl.selectOne())
        .on(DISCORD_ROLES.USER_ID.eq(roles.userId()))
        .whenMatchedThenUpdate()
        .set(DISCORD_ROLES.DISCORD_ID, roles.discordId())
        .set(DISCORD_ROLES.SUBSCRIBER_ROLE, roles.subscriberRole())
        .set(DISCORD_ROLES.TRIAL_ROLE, roles.trialRole())
        .set(DISCORD_ROLES.KICKED, roles.kicked())
        .set(DISCORD_ROLES.NOT_MEMBER_AT, roles.notMemberAt())
        .set(DISCORD_ROLES.UPDATED_AT, clock.instant())
        .whenNotMatchedThenInsert(
            DISCORD_ROLES.USER_ID,
            DISCORD_ROLES.DISCORD_ID,
            DISCORD_ROLES.SUBSCRIBER_ROLE,
            DISCORD_ROLES.TRIAL_ROLE,
            DISCORD_ROLES.KICKED,
            DISCORD_ROLES.NOT_MEMBER_AT,
            DISCORD_ROLES.UPDATED_AT)
        .values(
            roles.userId(),
            roles.discordId(),
            roles.subscriberRole(),
            roles.trialRole(),
            roles.kicked(),
            roles.notMemberAt(),
            clock.instant())
        .execute();
  }
}

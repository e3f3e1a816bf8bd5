package io.usher.application.notify;

import io.usher.application.jobs.Job;
import io.usher.application.jobs.JobResult;
import io.usher.application.queries.LedgerQueryService;
import io.usher.domain.ledger.UserRow;
import io.usher.domain.ledger.UserStatus;
import io.usher.domain.notify.Discord;
import io.usher.domain.notify.Discord.MemberResult;
import io.usher.domain.notify.DiscordRoleStore;
import io.usher.domain.notify.DiscordRoles;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the Discord server's roles in step with the ledger: the subscriber role for active users
 * not on a trial plan, the trial role for active users on one, neither once access ends; and, when
 * {@code discord.kick-after-days} is set, removes users expired longer than that. What was set is
 * remembered, so Discord is called only for a change; a user Discord says is not in the server is
 * asked about again a day later.
 */
public final class DiscordRolesJob implements Job {
  public static final String NAME = "discord";
  static final Duration ASK_AGAIN = Duration.ofDays(1);

  private final Discord discord;
  private final DiscordRoleStore store;
  private final LedgerQueryService queries;
  private final PlanStore plans;
  private final io.usher.domain.settings.Settings settings;
  private final Clock clock;

  public DiscordRolesJob(
      Discord discord,
      DiscordRoleStore store,
      LedgerQueryService queries,
      PlanStore plans,
      io.usher.domain.settings.Settings settings,
      Clock clock) {
    this.discord = discord;
    this.store = store;
    this.queries = queries;
    this.plans = plans;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Gives Discord roles to subscribers and trial users, takes them away when access ends";
  }

  @Override
  public Duration every() {
    return Duration.ofHours(1);
  }

  @Override
  public JobResult run(boolean dryRun) {
    String guild = orNull(settings.discordGuildId());
    if (settings.discordBotToken().isEmpty() || guild == null) {
      return JobResult.of("Discord is not set up");
    }
    Wanted wanted =
        new Wanted(
            orNull(settings.discordSubscriberRole()),
            orNull(settings.discordTrialRole()),
            settings.discordKickAfter().orElse(null));
    Map<Long, String> discordIds = store.discordIds();
    if (discordIds.isEmpty()) {
      return JobResult.of("No user has a Discord id");
    }
    Set<String> trialPlans =
        plans.all().stream()
            .filter(p -> p.spec().trial())
            .map(Plan::name)
            .map(n -> n.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    Map<Long, DiscordRoles> known = store.all();
    Instant now = clock.instant();
    Run run = new Run(guild, dryRun, now);
    for (UserRow user : queries.users()) {
      String discordId = discordIds.get(user.id());
      if (discordId == null) {
        continue;
      }
      DiscordRoles was = known.get(user.id());
      if (was == null || !was.discordId().equals(discordId)) {
        was = DiscordRoles.none(user.id(), discordId);
      }
      run.user(user, was, wanted, trialPlans);
    }
    int count = run.details.size();
    String summary =
        count == 0
            ? "Discord roles are up to date"
            : dryRun
                ? count
                    + (count == 1
                        ? " Discord change would be made"
                        : " Discord changes would be made")
                : count + (count == 1 ? " Discord change" : " Discord changes");
    return new JobResult(summary, run.details);
  }

  private record Wanted(String subscriberRole, String trialRole, Duration kickAfter) {}

  /** One run's calls and what it reports. */
  private final class Run {
    final String guild;
    final boolean dryRun;
    final Instant now;
    final List<String> details = new ArrayList<>();

    Run(String guild, boolean dryRun, Instant now) {
      this.guild = guild;
      this.dryRun = dryRun;
      this.now = now;
    }

    void user(UserRow user, DiscordRoles was, Wanted wanted, Set<String> trialPlans) {
      if (was.notMemberAt() != null && now.isBefore(was.notMemberAt().plus(ASK_AGAIN))) {
        return;
      }
      boolean active = user.status() == UserStatus.ACTIVE;
      boolean trial =
          active
              && !user.permanent()
              && user.plan() != null
              && trialPlans.contains(user.plan().toLowerCase(Locale.ROOT));
      String label = user.label();
      DiscordRoles state = was.withNotMemberAt(null);
      boolean kick =
          !active
              && wanted.kickAfter() != null
              && user.expires() != null
              && !user.expires().plus(wanted.kickAfter()).isAfter(now);
      if (was.kicked()) {
        if (!active) {
          return;
        }
        state = state.withKicked(false);
      }
      if (kick) {
        if (dryRun) {
          details.add(label + " would be removed from the Discord server");
          return;
        }
        MemberResult result = discord.kick(guild, state.discordId());
        details.add(
            result == MemberResult.DONE
                ? label + " was removed from the Discord server"
                : label + " had already left the Discord server");
        store.save(state.withKicked(true));
        return;
      }
      String subscriber = active && !trial ? wanted.subscriberRole() : null;
      String trialRole = trial ? wanted.trialRole() : null;
      state = role(label, state, "subscriber", state.subscriberRole(), subscriber);
      if (state == null) {
        return;
      }
      state = role(label, state, "trial", state.trialRole(), trialRole);
      if (state != null && !dryRun && !state.equals(was)) {
        store.save(state);
      }
    }

    /** Moves one role from what was given to what is wanted; null when the user is not there. */
    private DiscordRoles role(
        String label, DiscordRoles state, String which, String had, String want) {
      if (Objects.equals(had, want)) {
        return state;
      }
      boolean trial = which.equals("trial");
      if (had != null) {
        if (dryRun) {
          details.add(label + " would lose the Discord " + which + " role");
        } else if (!call(label, state, discord.removeRole(guild, state.discordId(), had))) {
          return null;
        } else {
          details.add(label + " lost the Discord " + which + " role");
        }
        state = trial ? state.withTrialRole(null) : state.withSubscriberRole(null);
      }
      if (want != null) {
        if (dryRun) {
          details.add(label + " would get the Discord " + which + " role");
        } else if (!call(label, state, discord.addRole(guild, state.discordId(), want))) {
          return null;
        } else {
          details.add(label + " got the Discord " + which + " role");
        }
        state = trial ? state.withTrialRole(want) : state.withSubscriberRole(want);
      }
      return state;
    }

    /** Records a user who is not in the server (what was done so far is kept). */
    private boolean call(String label, DiscordRoles state, MemberResult result) {
      if (result == MemberResult.DONE) {
        return true;
      }
      details.add(label + " is not in the Discord server");
      store.save(state.withNotMemberAt(now));
      return false;
    }
  }

  private static String orNull(String value) {
    return value.isEmpty() ? null : value;
  }
}

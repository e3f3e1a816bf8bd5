package io.usher.store;

import static io.usher.store.generated.Tables.LIBRARY_GROUPS;
import static io.usher.store.generated.Tables.PLANS;
import static io.usher.store.generated.Tables.PLAN_GROUPS;

import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanSpec;
import io.usher.domain.plans.PlanStore;
import io.usher.store.generated.tables.records.PlansRecord;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

public final class JooqPlanStore implements PlanStore {
  private final DSLContext dsl;
  private final Clock clock;

  public JooqPlanStore(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  @Override
  public List<Plan> all() {
    return find(DSL.noCondition());
  }

  @Override
  public Optional<Plan> byId(long id) {
    return find(PLANS.ID.eq(id)).stream().findFirst();
  }

  @Override
  public Optional<Plan> byName(String name) {
    return find(DSL.upper(PLANS.NAME).eq(DSL.upper(DSL.val(name.strip())))).stream().findFirst();
  }

  @Override
  public Optional<Plan> defaultPlan() {
    return find(PLANS.IS_DEFAULT.isTrue()).stream().findFirst();
  }

  @Override
  public Plan insert(PlanSpec spec) {
    PlansRecord rec = dsl.newRecord(PLANS);
    write(rec, spec);
    rec.setCreatedAt(clock.instant());
    Integrity.guard("A plan named '" + spec.name() + "' already exists.", rec::store);
    writeGroups(rec.getId(), spec.groups());
    return new Plan(rec.getId(), spec);
  }

  @Override
  public void update(Plan plan) {
    PlansRecord rec = dsl.fetchSingle(PLANS, PLANS.ID.eq(plan.id()));
    write(rec, plan.spec());
    Integrity.guard("A plan named '" + plan.name() + "' already exists.", rec::store);
    dsl.deleteFrom(PLAN_GROUPS).where(PLAN_GROUPS.PLAN_ID.eq(plan.id())).execute();
    writeGroups(plan.id(), plan.spec().groups());
  }

  @Override
  public void makeDefault(long planId) {
    dsl.update(PLANS).set(PLANS.IS_DEFAULT, PLANS.ID.eq(planId)).execute();
  }

  private void writeGroups(long planId, List<String> groups) {
    for (String group : groups) {
      dsl.insertInto(PLAN_GROUPS, PLAN_GROUPS.PLAN_ID, PLAN_GROUPS.GROUP_ID)
          .select(
              dsl.select(DSL.val(planId), LIBRARY_GROUPS.ID)
                  .from(LIBRARY_GROUPS)
                  .where(LIBRARY_GROUPS.NAME.eq(group)))
          .execute();
    }
  }

  private static void write(PlansRecord rec, PlanSpec s) {
    rec.setName(s.name());
    rec.setPriceMinor(s.price().minor());
    rec.setCurrency(s.price().currency().getCurrencyCode());
    rec.setDurationAmount(s.duration().amount());
    rec.setDurationUnit(s.duration().unit().name());
    rec.setMaxStreams(s.maxStreams());
    rec.setDownloads(s.downloads());
    rec.setTranscode(s.transcode());
    rec.setMaxDevices(s.maxDevices());
    rec.setTrial(s.trial());
    rec.setIsDefault(s.isDefault());
    rec.setHidden(s.hidden());
    rec.setMaxSubs(s.maxSubs());
    rec.setStripePriceId(s.stripePriceId());
    rec.setPaypalPlanId(s.paypalPlanId());
  }

  private List<Plan> find(Condition condition) {
    List<PlansRecord> rows =
        dsl.selectFrom(PLANS).where(condition).orderBy(PLANS.PRICE_MINOR, PLANS.NAME).fetch();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<String>> groups =
        dsl.select(PLAN_GROUPS.PLAN_ID, LIBRARY_GROUPS.NAME)
            .from(PLAN_GROUPS)
            .join(LIBRARY_GROUPS)
            .on(LIBRARY_GROUPS.ID.eq(PLAN_GROUPS.GROUP_ID))
            .where(PLAN_GROUPS.PLAN_ID.in(rows.stream().map(PlansRecord::getId).toList()))
            .orderBy(LIBRARY_GROUPS.ID)
            .fetchGroups(PLAN_GROUPS.PLAN_ID, LIBRARY_GROUPS.NAME);
    return rows.stream().map(r -> toPlan(r, groups.getOrDefault(r.getId(), List.of()))).toList();
  }

  static Plan toPlan(PlansRecord r, List<String> groups) {
    return new Plan(
        r.getId(),
        new PlanSpec(
            r.getName(),
            new Money(r.getPriceMinor(), Currency.getInstance(r.getCurrency())),
            new PlanDuration(r.getDurationAmount(), PlanDuration.Unit.valueOf(r.getDurationUnit())),
            groups,
            r.getMaxStreams(),
            r.getDownloads(),
            r.getTranscode(),
            r.getMaxDevices(),
            r.getTrial(),
            r.getIsDefault(),
            r.getHidden(),
            r.getMaxSubs(),
            r.getStripePriceId(),
            r.getPaypalPlanId()));
  }
}

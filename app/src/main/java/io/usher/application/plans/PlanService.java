package io.usher.application.plans;

import io.usher.domain.common.ConflictException;
import io.usher.domain.common.NotFoundException;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.plans.DefaultPlanRule;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanSpec;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.servers.LibraryGroupStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Creating, editing and hiding plans, with the rules that need the whole catalogue. */
public final class PlanService {
  private final Transactions tx;
  private final PlanStore plans;
  private final LibraryGroupStore groups;
  private final AuditLog audit;

  public PlanService(Transactions tx, PlanStore plans, LibraryGroupStore groups, AuditLog audit) {
    this.tx = tx;
    this.plans = plans;
    this.groups = groups;
    this.audit = audit;
  }

  public List<Plan> list() {
    return plans.all();
  }

  public List<String> libraryGroups() {
    return groups.names();
  }

  public Plan byName(String name) {
    return plans
        .byName(name)
        .orElseThrow(() -> new NotFoundException("There is no plan named '" + name + "'."));
  }

  public Plan create(PlanSpec requested) {
    return tx.inTransaction(
        () -> {
          PlanSpec spec = withCanonicalGroups(requested);
          if (plans.byName(spec.name()).isPresent()) {
            throw new ConflictException("A plan named '" + spec.name() + "' already exists.");
          }
          boolean isDefault = DefaultPlanRule.forNewPlan(spec.isDefault(), plans.defaultPlan());
          Plan plan = plans.insert(spec.withDefault(isDefault));
          audit.record("plan", plan.id(), "created", describe(plan.spec()));
          return plan;
        });
  }

  /** Replaces a plan's definition; making it the default moves the default to it. */
  public Plan update(long planId, PlanSpec requested) {
    return tx.inTransaction(
        () -> {
          Plan before =
              plans
                  .byId(planId)
                  .orElseThrow(() -> new NotFoundException("That plan no longer exists."));
          PlanSpec spec = withCanonicalGroups(requested);
          plans
              .byName(spec.name())
              .filter(other -> other.id() != planId)
              .ifPresent(
                  other -> {
                    throw new ConflictException(
                        "A plan named '" + spec.name() + "' already exists.");
                  });
          DefaultPlanRule.checkEdit(before, spec);
          Plan after = new Plan(planId, spec);
          plans.update(after);
          if (spec.isDefault() && !before.isDefault()) {
            plans.makeDefault(planId);
          }
          audit.record("plan", planId, "edited", describe(before.spec()) + " → " + describe(spec));
          return after;
        });
  }

  public Plan setHidden(long planId, boolean hidden) {
    Plan plan =
        plans.byId(planId).orElseThrow(() -> new NotFoundException("That plan no longer exists."));
    PlanSpec s = plan.spec();
    return update(
        planId,
        new PlanSpec(
            s.name(),
            s.price(),
            s.duration(),
            s.groups(),
            s.maxStreams(),
            s.downloads(),
            s.transcode(),
            s.maxDevices(),
            s.trial(),
            s.isDefault(),
            hidden,
            s.maxSubs(),
            s.stripePriceId(),
            s.paypalPlanId()));
  }

  /** Group names are matched without regard to case and stored as the group spells itself. */
  private PlanSpec withCanonicalGroups(PlanSpec spec) {
    List<String> known = groups.names();
    List<String> canonical = new ArrayList<>();
    for (String g : spec.groups()) {
      String match =
          known.stream()
              .filter(k -> k.toLowerCase(Locale.ROOT).equals(g.toLowerCase(Locale.ROOT)))
              .findFirst()
              .orElseThrow(
                  () ->
                      ValidationException.of(
                          "groups",
                          "There is no library group named '"
                              + g
                              + "'. Known groups: "
                              + String.join(", ", known)
                              + "."));
      canonical.add(match);
    }
    return new PlanSpec(
        spec.name(),
        spec.price(),
        spec.duration(),
        canonical,
        spec.maxStreams(),
        spec.downloads(),
        spec.transcode(),
        spec.maxDevices(),
        spec.trial(),
        spec.isDefault(),
        spec.hidden(),
        spec.maxSubs(),
        spec.stripePriceId(),
        spec.paypalPlanId());
  }

  private static String describe(PlanSpec s) {
    return s.name()
        + " "
        + s.price().display()
        + " / "
        + s.duration()
        + ", groups "
        + s.groups()
        + ", "
        + s.maxStreams()
        + " streams"
        + (s.isDefault() ? ", default" : "")
        + (s.hidden() ? ", hidden" : "")
        + (s.trial() ? ", trial" : "");
  }
}

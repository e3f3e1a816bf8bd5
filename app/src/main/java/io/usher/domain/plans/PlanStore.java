package io.usher.domain.plans;

import java.util.List;
import java.util.Optional;

public interface PlanStore {
  List<Plan> all();

  Optional<Plan> byId(long id);

  /** Plan names are matched without regard to case, as people type them. */
  Optional<Plan> byName(String name);

  Optional<Plan> defaultPlan();

  Plan insert(PlanSpec spec);

  void update(Plan plan);

  /** Makes the given plan the only default. */
  void makeDefault(long planId);
}

package io.usher.domain.plans;

import io.usher.domain.money.Money;

/** A stored plan: its id and its definition. */
public record Plan(long id, PlanSpec spec) {

  public String name() {
    return spec.name();
  }

  public Money price() {
    return spec.price();
  }

  public PlanDuration duration() {
    return spec.duration();
  }

  public boolean isDefault() {
    return spec.isDefault();
  }
}

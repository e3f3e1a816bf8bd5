package io.usher.domain.plans;

import io.usher.domain.common.ConflictException;
import java.util.Optional;

/**
 * Exactly one plan is the default (imported users land on it). The first plan becomes the default
 * by itself; after that, the default moves only when a plan is explicitly made the default, and the
 * default plan cannot simply stop being one.
 */
public final class DefaultPlanRule {
  private DefaultPlanRule() {}

  /** Whether a new plan is the default, given the current default (if any). */
  public static boolean forNewPlan(boolean requested, Optional<Plan> currentDefault) {
    if (currentDefault.isEmpty()) {
      return true;
    }
    if (requested) {
      throw new ConflictException(
          "'"
              + currentDefault.get().name()
              + "' is already the default plan: create this one without the default flag,"
              + " then make it the default by editing it.");
    }
    return false;
  }

  /** Checks an edit; making a plan the default is allowed (the old one then stops being it). */
  public static void checkEdit(Plan before, PlanSpec after) {
    if (before.isDefault() && !after.isDefault()) {
      throw new ConflictException(
          "'"
              + before.name()
              + "' is the default plan: make another plan the default instead of unsetting it.");
    }
  }
}

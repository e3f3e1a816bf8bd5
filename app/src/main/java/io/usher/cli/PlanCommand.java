package io.usher.cli;

import io.usher.application.plans.PlanService;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanForm;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "plan",
    description = "Create, list and edit plans.",
    subcommands = {PlanCommand.Add.class, PlanCommand.ListPlans.class, PlanCommand.Set.class})
final class PlanCommand {
  @ParentCommand RootCommand root;

  @Command(name = "add", description = "Create a plan. The first plan becomes the default.")
  static final class Add implements Runnable {
    @ParentCommand PlanCommand parent;
    @Spec CommandSpec spec;
    @Mixin PlanFields fields;

    @Override
    public void run() {
      requireOption(fields.name, "--name");
      requireOption(fields.price, "--price");
      requireOption(fields.currency, "--currency");
      requireOption(fields.groups, "--groups");
      requireOption(fields.streams, "--streams");
      if ((fields.days == null) == (fields.months == null)) {
        throw new ParameterException(spec.commandLine(), "Give exactly one of --days or --months.");
      }
      PlanService plans = parent.root.usher().plans();
      Plan plan = plans.create(fields.over(PlanFields.EMPTY).toSpec());
      parent
          .root
          .output()
          .done(
              "Created plan " + plan.name() + (plan.isDefault() ? " (the default plan)." : "."),
              Views.plan(plan));
    }

    private void requireOption(String value, String option) {
      if (value == null) {
        throw new ParameterException(
            spec.commandLine(), "Missing required option: '" + option + "'");
      }
    }
  }

  @Command(name = "list", description = "List plans.")
  static final class ListPlans implements Runnable {
    @ParentCommand PlanCommand parent;

    @Override
    public void run() {
      List<Map<String, Object>> rows =
          parent.root.usher().plans().list().stream().map(Views::plan).toList();
      parent
          .root
          .output()
          .list(
              List.of(
                  "NAME",
                  "PRICE",
                  "CURRENCY",
                  "DAYS",
                  "MONTHS",
                  "GROUPS",
                  "STREAMS",
                  "DEFAULT",
                  "TRIAL",
                  "HIDDEN"),
              List.of(
                  "name",
                  "price",
                  "currency",
                  "days",
                  "months",
                  "groups",
                  "streams",
                  "default",
                  "trial",
                  "hidden"),
              rows);
    }
  }

  @Command(name = "set", description = "Edit a plan; options as for plan add.")
  static final class Set implements Runnable {
    @ParentCommand PlanCommand parent;

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The plan to edit.")
    String planName;

    @Mixin PlanFields fields;

    @Override
    public void run() {
      if (fields.days != null && fields.months != null) {
        throw new ParameterException(spec.commandLine(), "Give --days or --months, not both.");
      }
      PlanService plans = parent.root.usher().plans();
      Plan before = plans.byName(planName);
      Plan after = plans.update(before.id(), fields.over(PlanForm.of(before.spec())).toSpec());
      parent.root.output().done("Updated plan " + after.name() + ".", Views.plan(after));
    }
  }
}

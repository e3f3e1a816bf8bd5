package io.usher.cli;

import io.usher.application.payments.PlanChangeService;
import io.usher.application.plans.PlanService;
import io.usher.domain.ledger.PlanChange;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanForm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "plan",
    description = "Create, list and edit plans.",
    subcommands = {
      PlanCommand.Add.class,
      PlanCommand.ListPlans.class,
      PlanCommand.Set.class,
      PlanCommand.Change.class
    })
final class PlanCommand {
  @ParentCommand RootCommand root;

  @Command(name = "add", description = "Create a plan. The first plan becomes the default.")
  static final class Add implements Runnable {
    @ParentCommand PlanCommand parent;
    @Spec CommandSpec spec;
    @Mixin PlanFields fields;

    @Override
    public void run() {
      new Required()
          .option(fields.name, "--name")
          .option(fields.price, "--price")
          .option(fields.currency, "--currency")
          .option(fields.groups, "--groups")
          .option(fields.streams, "--streams")
          .check(spec, "");
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

  @Command(
      name = "change",
      description =
          "Move a user to another plan now: the current payment ends and its unused value buys"
              + " time on the new plan, recorded as a credit payment (no new money).")
  static final class Change implements Runnable {
    @ParentCommand PlanCommand parent;

    @Parameters(
        index = "0",
        paramLabel = "USER",
        description = "The user to move: their email, #ID or name.")
    String email;

    @Option(names = "--plan", required = true, paramLabel = "PLAN", description = "The new plan.")
    String plan;

    @Option(names = "--dry-run", description = "Print the arithmetic; change nothing.")
    boolean dryRun;

    @Override
    public void run() {
      PlanChangeService.Result r = parent.root.usher().planChanges().change(email, plan, dryRun);
      PlanChange c = r.change();
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("email", r.email());
      fields.put("dryRun", !r.applied());
      fields.put("from", r.from());
      fields.put("to", r.to());
      fields.put("endedTxn", r.ended().toString());
      fields.put("paid", c.value().toDecimalString());
      fields.put("currency", c.value().currency().getCurrencyCode());
      fields.put("paidSeconds", c.paidSeconds());
      fields.put("unusedSeconds", c.unusedSeconds());
      fields.put("credit", c.credit().toDecimalString());
      fields.put("creditTxn", r.credit().toString());
      fields.put("endedAt", Views.iso(c.used().end()));
      fields.put("creditStart", Views.iso(c.credited().start()));
      fields.put("creditEnd", Views.iso(c.credited().end()));
      fields.put("arithmetic", c.arithmetic());
      fields.put("notices", r.notices());
      Output out = parent.root.output();
      if (out.json()) {
        out.done(r.sentence(), fields);
        return;
      }
      out.line(r.sentence());
      r.notices().forEach(n -> out.line("  " + n));
    }
  }
}
